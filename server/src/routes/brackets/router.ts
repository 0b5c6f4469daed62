/** Brackets (docs/api.md, "Brackets"): the secretariat's clear command. Bracketing itself is a Yjs change [B1]. */
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { clearBracketCommand } from '../../commands/clear-bracket';
import { bracketIdSchema, clearBracketBodySchema, clearedBracketSchema } from '../../../../shared/src/api/brackets';
import { documentParams } from '../schemas';

const bracketParams = documentParams.extend({ bracketId: bracketIdSchema }).strict();

export function bracketsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry).add({
    method: 'post',
    path: '/documents/:documentId/brackets/:bracketId/clear',
    tag: 'brackets',
    summary: 'Clear a bracket: keep its text or delete it',
    description:
      'The secretariat only, in every language the bracket is in, as one audited Yjs change: `keep: "text"` removes the brackets and keeps the text, `keep: "delete"` deletes the bracketed text. The agreed text changes, so approvals of the clause turn outdated. 404 for a bracket no longer in the text.',
    access: { kind: 'document', action: 'bracket.clear' },
    params: bracketParams,
    body: clearBracketBodySchema,
    response: z.object({ bracket: clearedBracketSchema }),
    errors: ['not_found', 'document_frozen'],
    handler: async ({ access, params, body, session }) => ({
      bracket: await clearBracketCommand(ctx, { document: access.document, bracketId: params.bracketId, keep: body.keep, userId: session.user.id }),
    }),
  });
}
