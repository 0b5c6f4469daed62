import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/src/policy';

export const memberSchema = z.object({
  membershipId: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string().optional().describe('only for those who may see contacts (the secretariat)'),
  role: z.enum(ROLES),
  participantId: z.uuid().nullable(),
}).meta({ id: 'Member' });

export interface MemberRow { id: string; user_id: string; display_name: string; email: string; role: Role; participant_id: string | null }

/** One member of a document; the email only for those the policy lets see contacts. */
export function presentMember(row: MemberRow, showContact: boolean): z.infer<typeof memberSchema> {
  return {
    membershipId: row.id, userId: row.user_id, displayName: row.display_name,
    ...(showContact ? { email: row.email } : {}),
    role: row.role, participantId: row.participant_id,
  };
}
