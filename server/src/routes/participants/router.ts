import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { createParticipant, deleteParticipant, listParticipants, updateParticipant } from '../../commands/participants';
import { presentParticipant } from '../../presenters/participant';
import { participantAnswerSchema, participantBodySchema, participantChangesSchema, participantListSchema } from '../../../../shared/src/api/participants';
import { documentParams } from '../schemas';

const participantParams = documentParams.extend({ participantId: z.uuid() }).strict();

export function participantsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents/:documentId/participants',
      tag: 'participants',
      summary: 'The Participants of a negotiation',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: participantListSchema,
      handler: async ({ access }) => ({ participants: (await listParticipants(ctx, access.document.id)).map(presentParticipant) }),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/participants',
      tag: 'participants',
      summary: 'Add a Participant',
      access: { kind: 'document', action: 'document.manage' },
      params: documentParams,
      body: participantBodySchema,
      status: 201,
      response: participantAnswerSchema,
      errors: ['participant_code_taken'],
      handler: async ({ access, body, session }) => ({ participant: presentParticipant(await createParticipant(ctx, session.user.id, access.document, body)) }),
    })
    .add({
      method: 'patch',
      path: '/documents/:documentId/participants/:participantId',
      tag: 'participants',
      summary: 'Change a Participant’s code, names or color',
      access: { kind: 'document', action: 'document.manage' },
      params: participantParams,
      body: participantChangesSchema,
      response: participantAnswerSchema,
      errors: ['participant_code_taken'],
      handler: async ({ access, params, body, session }) => ({
        participant: presentParticipant(await updateParticipant(ctx, session.user.id, access.document, params.participantId, body)),
      }),
    })
    .add({
      method: 'delete',
      path: '/documents/:documentId/participants/:participantId',
      tag: 'participants',
      summary: 'Remove a Participant nobody represents',
      access: { kind: 'document', action: 'document.manage' },
      params: participantParams,
      status: 204,
      errors: ['participant_in_use'],
      handler: async ({ access, params, session }) => {
        await deleteParticipant(ctx, session.user.id, access.document.id, params.participantId);
      },
    });
}
