/** Invitations: one-time links into a negotiation (docs/api.md, "Invitations"). */
import { z } from 'zod';
import { sessionAnswerSchema } from './users';
import { displayNameInput, emailInput, isoTime, localizedSchema, newPasswordInput, roleSchema, uiLanguageSchema } from './common';
import { secondFactorPendingSchema } from './second-factors';

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: roleSchema,
    participantId: z.uuid().nullable(),
    expiresAt: isoTime,
    url: z.string().optional().describe('the one-time link, `/invite/<token>`; only in the answer that created it'),
    mailed: z.boolean().optional().describe('whether the link was sent by mail (SMTP configured)'),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });
export const invitationAnswerSchema = z.object({ invitation: invitationSchema });

export const invitationBodySchema = z.object({ email: emailInput, role: roleSchema, participantId: z.uuid().nullable().optional() }).strict();
export type InvitationBody = z.infer<typeof invitationBodySchema>;

export const invitationPreviewSchema = z
  .object({
    email: z.string(),
    role: roleSchema,
    documentTitle: localizedSchema,
    participant: z.object({ code: z.string(), name: localizedSchema, color: z.string() }).nullable(),
    existingAccount: z.boolean().describe('true: sign in with the existing password to accept'),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export const invitationPreviewAnswerSchema = z.object({ invitation: invitationPreviewSchema });

export const acceptInvitationBodySchema = z
  .object({ displayName: displayNameInput, password: newPasswordInput, uiLanguage: uiLanguageSchema.optional() })
  .strict();
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;

export const acceptedInvitationSchema = z
  .union([
    sessionAnswerSchema.extend({ documentId: z.uuid().describe('the negotiation joined') }),
    // An existing account with a second factor: joined, no session until the factor (docs/api.md, "Second factor").
    secondFactorPendingSchema.extend({ documentId: z.uuid().describe('the negotiation joined') }),
  ])
  .meta({ id: 'AcceptedInvitation' });
export type AcceptedInvitation = z.infer<typeof acceptedInvitationSchema>;
