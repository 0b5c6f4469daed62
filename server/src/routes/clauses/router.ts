import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { restoreDeletedClause } from '../../commands/restore-deleted-clause';
import { CLAUSE_ID_PATTERN } from '../../../../shared/src/yjs-layout';
import { restoreClauseBodySchema, restoredClauseSchema } from '../../../../shared/src/api/documents';
import { documentParams } from '../schemas';

const clauseParams = documentParams.extend({ clauseId: z.string().regex(CLAUSE_ID_PATTERN) }).strict();

/** The structure of the text through the API: what the activity feed offers besides the editor (restoring a deleted clause). */
export function clausesRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry).add({
    method: 'post',
    path: '/documents/:documentId/clauses/:clauseId/restore',
    tag: 'clauses',
    summary: 'Restore a deleted clause',
    description:
      'Inserts the id of a deleted clause in the order again (docs/document-model.md §4), after `afterId` when that clause is in the text, else first. 409 conflict when the clause is in the text.',
    access: { kind: 'document', action: 'document.edit_structure' },
    params: clauseParams,
    body: restoreClauseBodySchema,
    response: restoredClauseSchema,
    handler: async ({ params, body, session }) =>
      restoreDeletedClause(ctx, { documentId: params.documentId, clauseId: params.clauseId, afterId: body.afterId ?? null, userId: session.user.id }),
  });
}
