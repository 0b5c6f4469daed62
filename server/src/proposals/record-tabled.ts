import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { insertTabledProposals } from './proposal-store';
import { loadProposals } from './proposal-reads';

/**
 * Records the proposals a client update tabled: their rows (sponsor from the author's membership, as
 * the collab connection was authorized with it), one audit event each, and one socket.io event each.
 * Runs after the live copy set their sponsors, so no later update can claim them meanwhile.
 */
export async function recordTabledProposals(
  ctx: AppContext,
  documentId: string,
  proposals: readonly { id: string; clauseId: string }[],
  author: { userId: string | null; participantId: string },
): Promise<void> {
  try {
    const inserted = await withTransaction(ctx.pool, async (client) => {
      const ids = await insertTabledProposals(client, documentId, proposals, author);
      for (const id of ids) {
        const clauseId = proposals.find((p) => p.id === id)?.clauseId;
        await recordAuditEvent(client, {
          documentId,
          actorUserId: author.userId,
          action: 'proposal.tabled',
          subject: { proposalId: id, clauseId, participantId: author.participantId },
        });
      }
      return ids;
    });
    if (inserted.length === 0) return;
    ctx.log.info({ documentId, proposals: inserted, participantId: author.participantId }, 'proposals tabled');
    const languages = await ctx.pool.query<{ languages: string[] }>('SELECT languages FROM documents WHERE id = $1', [documentId]);
    const loaded = await loadProposals(ctx, { id: documentId, languages: languages.rows[0]?.languages ?? [] }, { ids: inserted });
    for (const proposal of loaded) ctx.events.emit('proposal.changed', { documentId, proposal });
  } catch (err) {
    ctx.log.error({ err, documentId, proposals }, 'tabled proposals could not be recorded');
  }
}
