import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { lockDocumentStatus } from '../approvals/approval-store';
import type { DocumentRow } from '../policies/document-access';
import type { PositionBody, ProposalJSON } from '../../../shared/src/api/proposals';
import { lockProposal, upsertPosition } from '../proposals/proposal-store';
import { loadProposal } from '../proposals/proposal-reads';

export interface StatePositionInput {
  document: Pick<DocumentRow, 'id' | 'languages'>;
  proposalId: string;
  participantId: string;
  body: PositionBody;
  userId: string;
}

/**
 * Records a Participant's position on an open proposal (supports, opposes, reserves), replacing its
 * previous one. The caller has authorized `proposal.position` for this Participant (its own).
 */
export async function stateProposalPosition(ctx: AppContext, input: StatePositionInput): Promise<ProposalJSON> {
  const { document, proposalId, participantId, body } = input;
  await withTransaction(ctx.pool, async (client) => {
    const status = await lockDocumentStatus(client, document.id);
    if (status === null) throw new AppError('not_found');
    if (status !== 'draft') throw new AppError('document_frozen');
    const row = await lockProposal(client, document.id, proposalId);
    if (!row) throw new AppError('not_found');
    if (row.status !== 'open') throw new AppError('proposal_not_open', { status: row.status }, { status: row.status });
    const participant = await client.query('SELECT 1 FROM participants WHERE id = $1 AND document_id = $2', [participantId, document.id]);
    if (participant.rowCount === 0) throw new AppError('unknown_participant');
    const note = body.note && body.note.length > 0 ? body.note : null;
    await upsertPosition(client, { documentId: document.id, proposalId, participantId, position: body.position, note, userId: input.userId });
    await recordAuditEvent(client, {
      documentId: document.id,
      actorUserId: input.userId,
      action: 'proposal.position_stated',
      subject: { proposalId, clauseId: row.clause_id, participantId, position: body.position },
    });
  });
  const proposal = await loadProposal(ctx, document, proposalId);
  if (!proposal) throw new AppError('not_found');
  ctx.events.emit('proposal.changed', { documentId: document.id, proposal });
  return proposal;
}
