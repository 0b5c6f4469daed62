import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { lockDocumentStatus } from '../approvals/approval-store';
import type { DocumentRow } from '../policies/document-access';
import type { ProposalJSON } from '../../../shared/src/api/proposals';
import { addCosponsor, lockProposal, removeCosponsor } from '../proposals/proposal-store';
import { loadProposal } from '../proposals/proposal-reads';

export interface CosponsorInput {
  document: Pick<DocumentRow, 'id' | 'languages'>;
  proposalId: string;
  participantId: string;
  join: boolean;
  userId: string;
}

/**
 * A Participant joins an open proposal as co-sponsor, or leaves it. The caller has authorized
 * `proposal.position` for that Participant (its own). The sponsor cannot co-sponsor its own proposal.
 */
export async function cosponsorProposal(ctx: AppContext, input: CosponsorInput): Promise<ProposalJSON> {
  const { document, proposalId, participantId } = input;
  await withTransaction(ctx.pool, async (client) => {
    const status = await lockDocumentStatus(client, document.id);
    if (status === null) throw new AppError('not_found');
    if (status !== 'draft') throw new AppError('document_frozen');
    const row = await lockProposal(client, document.id, proposalId);
    if (!row) throw new AppError('not_found');
    if (row.status !== 'open') throw new AppError('proposal_not_open', { status: row.status }, { status: row.status });
    if (row.sponsor_participant_id === participantId) throw new AppError('conflict');
    const changed = input.join
      ? await addCosponsor(client, { documentId: document.id, proposalId, participantId, userId: input.userId })
      : await removeCosponsor(client, document.id, proposalId, participantId);
    if (!changed) return;
    await recordAuditEvent(client, {
      documentId: document.id,
      actorUserId: input.userId,
      action: input.join ? 'proposal.cosponsored' : 'proposal.cosponsorship_ended',
      subject: { proposalId, clauseId: row.clause_id, participantId },
    });
  });
  const proposal = await loadProposal(ctx, document, proposalId);
  if (!proposal) throw new AppError('not_found');
  ctx.events.emit('proposal.changed', { documentId: document.id, proposal });
  return proposal;
}
