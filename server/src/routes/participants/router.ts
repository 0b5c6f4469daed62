import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { createParticipant, deleteParticipant, listParticipants, updateParticipant } from '../../commands/participants';
import { participantSchema, presentParticipant } from '../../presenters/participant';
import { LANGUAGE_CODE_PATTERN } from '../../../../shared/src/languages';
import { documentParams } from '../schemas';

const participantFields = {
  code: z.string().trim().regex(/^[A-Z0-9]{2,8}$/, 'two to eight capital letters or digits, e.g. "GT"'),
  name: z.record(z.string().regex(LANGUAGE_CODE_PATTERN, 'a language code, e.g. "en"'), z.string().trim().min(1).max(300))
    .describe('the name in each language of the document, e.g. {"en": "…", "es": "…"}'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a color such as "#1D4E89"'),
};
const participantBody = z.object(participantFields).strict();
const participantChanges = z.object(participantFields).partial().strict();
const participantParams = documentParams.extend({ participantId: z.uuid() }).strict();
const one = z.object({ participant: participantSchema });

export function participantsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get', path: '/documents/:documentId/participants', tag: 'participants', summary: 'The Participants of a negotiation',
      access: { kind: 'document', action: 'document.read' }, params: documentParams,
      response: z.object({ participants: z.array(participantSchema) }),
      handler: async ({ access }) => ({ participants: (await listParticipants(ctx, access.document.id)).map(presentParticipant) }),
    })
    .add({
      method: 'post', path: '/documents/:documentId/participants', tag: 'participants', summary: 'Add a Participant',
      access: { kind: 'document', action: 'document.manage' }, params: documentParams, body: participantBody, status: 201, response: one,
      errors: ['participant_code_taken'],
      handler: async ({ access, body, session }) =>
        ({ participant: presentParticipant(await createParticipant(ctx, session.user.id, access.document, body)) }),
    })
    .add({
      method: 'patch', path: '/documents/:documentId/participants/:participantId', tag: 'participants', summary: 'Change a Participant’s code, names or color',
      access: { kind: 'document', action: 'document.manage' }, params: participantParams, body: participantChanges, response: one,
      errors: ['participant_code_taken'],
      handler: async ({ access, params, body, session }) =>
        ({ participant: presentParticipant(await updateParticipant(ctx, session.user.id, access.document, params.participantId, body)) }),
    })
    .add({
      method: 'delete', path: '/documents/:documentId/participants/:participantId', tag: 'participants', summary: 'Remove a Participant nobody represents',
      access: { kind: 'document', action: 'document.manage' }, params: participantParams, status: 204,
      errors: ['participant_in_use'],
      handler: async ({ access, params, session }) => { await deleteParticipant(ctx, session.user.id, access.document.id, params.participantId); },
    });
}
