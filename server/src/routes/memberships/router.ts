import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { addMembership, changeMembership, removeMembership } from '../../commands/memberships';
import { presentMember } from '../../presenters/member';
import { memberAnswerSchema, membershipBodySchema, membershipChangeSchema } from '../../../../shared/src/api/members';
import { documentParams } from '../schemas';

const membershipParams = documentParams.extend({ membershipId: z.uuid() }).strict();

export function membershipsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'post',
      path: '/documents/:documentId/memberships',
      tag: 'members',
      summary: 'Make an existing account a member, with one role',
      access: { kind: 'document', action: 'document.manage' },
      params: documentParams,
      body: membershipBodySchema,
      status: 201,
      response: memberAnswerSchema,
      errors: ['no_such_user', 'already_member', 'unknown_participant', 'role_participant_mismatch'],
      handler: async ({ access, body, session }) => ({
        member: presentMember(
          await addMembership(ctx, session.user.id, access.document.id, {
            userId: body.userId,
            email: body.email,
            role: body.role,
            participantId: body.participantId ?? null,
          }),
          true,
        ),
      }),
    })
    .add({
      method: 'patch',
      path: '/documents/:documentId/memberships/:membershipId',
      tag: 'members',
      summary: 'Change a member’s role or Participant, or whether a delegate may confirm for the capital',
      access: { kind: 'document', action: 'document.manage' },
      params: membershipParams,
      body: membershipChangeSchema,
      response: memberAnswerSchema,
      errors: ['unknown_participant', 'role_participant_mismatch', 'last_secretariat'],
      handler: async ({ access, params, body, session }) => ({
        member: presentMember(
          await changeMembership(ctx, session.user.id, access.document.id, params.membershipId, {
            role: body.role,
            participantId: body.participantId ?? null,
            mayConfirmForCapital: body.mayConfirmForCapital,
          }),
          true,
        ),
      }),
    })
    .add({
      method: 'delete',
      path: '/documents/:documentId/memberships/:membershipId',
      tag: 'members',
      summary: 'Remove a member (their sockets on the document close)',
      access: { kind: 'document', action: 'document.manage' },
      params: membershipParams,
      status: 204,
      errors: ['last_secretariat'],
      handler: async ({ access, params, session }) => {
        await removeMembership(ctx, session.user.id, access.document.id, params.membershipId);
      },
    });
}
