import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import type { DocumentRow } from '../policies/document-access';
import type { ProposalJSON } from '../../../shared/src/api/proposals';
import { lockProposal, setExplanation } from '../proposals/proposal-store';
import { loadProposal } from '../proposals/proposal-reads';

/** Sets (or clears, with "") the sponsor's explanation of an open proposal; the caller authorized it for the sponsor. */
export async function explainProposal(
  ctx: AppContext,
  input: { document: Pick<DocumentRow, 'id' | 'languages'>; proposalId: string; explanation: string; userId: string },
): Promise<ProposalJSON> {
  const { document, proposalId } = input;
  await withTransaction(ctx.pool, async (client) => {
    const row = await lockProposal(client, document.id, proposalId);
    if (!row) throw new AppError('not_found');
    if (row.status !== 'open') throw new AppError('proposal_not_open', { status: row.status }, { status: row.status });
    await setExplanation(client, document.id, proposalId, input.explanation.length > 0 ? input.explanation : null);
    await recordAuditEvent(client, {
      documentId: document.id,
      actorUserId: input.userId,
      action: 'proposal.explained',
      subject: { proposalId, clauseId: row.clause_id, participantId: row.sponsor_participant_id },
    });
  });
  const proposal = await loadProposal(ctx, document, proposalId);
  if (!proposal) throw new AppError('not_found');
  ctx.events.emit('proposal.changed', { documentId: document.id, proposal });
  return proposal;
}
