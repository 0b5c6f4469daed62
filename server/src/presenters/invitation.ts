import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/src/policy';

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  participantId: z.uuid().nullable(),
  expiresAt: z.iso.datetime(),
  url: z.string().optional().describe('the one-time link, `/invite/<token>`; only in the answer that created it'),
  mailed: z.boolean().optional().describe('whether the link was sent by mail (SMTP configured)'),
}).meta({ id: 'Invitation' });

export interface InvitationRow { id: string; email: string; role: Role; participant_id: string | null; expires_at: Date }

export function presentInvitation(row: InvitationRow, extra: { url?: string; mailed?: boolean } = {}): z.infer<typeof invitationSchema> {
  return { id: row.id, email: row.email, role: row.role, participantId: row.participant_id, expiresAt: row.expires_at.toISOString(), ...extra };
}

export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: z.enum(ROLES),
  documentTitle: z.record(z.string(), z.string()),
  participant: z.object({ code: z.string(), name: z.record(z.string(), z.string()), color: z.string() }).nullable(),
  existingAccount: z.boolean().describe('true: sign in with the existing password to accept'),
}).meta({ id: 'InvitationPreview' });
