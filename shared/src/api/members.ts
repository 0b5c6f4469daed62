/** Memberships: who is in a negotiation, in which role, for which Participant (docs/api.md, "Members"). */
import { z } from 'zod';
import { emailInput, roleSchema } from './common';

export const memberSchema = z
  .object({
    membershipId: z.uuid(),
    userId: z.uuid(),
    displayName: z.string(),
    email: z.string().optional().describe('only for those who may see contacts (the secretariat)'),
    role: roleSchema,
    participantId: z.uuid().nullable(),
    mayConfirmForCapital: z
      .boolean()
      .describe('a delegate who may confirm for the capital the approvals their delegation gave ad referendum (the head of delegation)'),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof memberSchema>;

export const memberListSchema = z.object({ members: z.array(memberSchema) });
export const memberAnswerSchema = z.object({ member: memberSchema });

export const membershipBodySchema = z
  .object({
    userId: z.uuid().optional(),
    email: emailInput.optional(),
    role: roleSchema,
    participantId: z.uuid().nullable().optional(),
  })
  .strict()
  .refine((b) => (b.userId === undefined) !== (b.email === undefined), { message: 'give either userId or email', path: ['userId'] });
export type MembershipBody = z.infer<typeof membershipBodySchema>;

export const membershipChangeSchema = z
  .object({
    role: roleSchema,
    participantId: z.uuid().nullable().optional(),
    /** Only for a delegate; another role clears it. Left out: unchanged (a role change away from delegate clears it). */
    mayConfirmForCapital: z.boolean().optional(),
  })
  .strict();
export type MembershipChange = z.infer<typeof membershipChangeSchema>;
