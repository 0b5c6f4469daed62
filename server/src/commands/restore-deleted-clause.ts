import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { serverOrigin } from '../collab/origins';
import { clauseOrder, getClause, restoreClause } from '../../../shared/src/yjs-layout';

/**
 * Puts a deleted clause back (docs/document-model.md §4: its id inserted in `order` again), after
 * `afterId` when that clause is still in the text, else first. The caller has authorized
 * `document.edit_structure` (so, in the negotiation phase, only the secretariat). 409 conflict when the
 * clause is in the text; clause_not_found when the document never had it.
 */
export async function restoreDeletedClause(
  ctx: AppContext,
  input: { documentId: string; clauseId: string; afterId: string | null; userId: string },
): Promise<{ clauseId: string; afterId: string | null }> {
  const placed = await ctx.documents.write(input.documentId, serverOrigin('command'), (apply) =>
    apply((doc) => {
      if (!getClause(doc, input.clauseId)) throw new AppError('clause_not_found');
      const order = clauseOrder(doc);
      if (order.includes(input.clauseId)) throw new AppError('conflict');
      const afterId = input.afterId && order.includes(input.afterId) ? input.afterId : null;
      restoreClause(doc, input.clauseId, afterId, serverOrigin('command'));
      return afterId;
    }),
  );
  await withTransaction(ctx.pool, (client) =>
    recordAuditEvent(client, {
      documentId: input.documentId,
      actorUserId: input.userId,
      action: 'clause.restored',
      subject: { clauseId: input.clauseId, afterId: placed },
    }),
  );
  ctx.log.info({ documentId: input.documentId, clauseId: input.clauseId }, 'clause restored');
  return { clauseId: input.clauseId, afterId: placed };
}
