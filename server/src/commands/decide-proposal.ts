import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { lockDocumentStatus } from '../approvals/approval-store';
import { serverOrigin } from '../collab/origins';
import type { DocumentRow } from '../policies/document-access';
import type { ProposalDecision, ProposalJSON, ProposalStatus } from '../../../shared/src/api/proposals';
import type { ProposalRun } from '../../../shared/src/proposals';
import { lockProposal, markDecided, reopen, saveDecidedRuns } from '../proposals/proposal-store';
import { applyDecision, clauseProposals } from '../proposals/proposal-text';
import { loadProposal } from '../proposals/proposal-reads';
import { applyCapturingUpdate, recordDecisionUpdate } from '../versions/decision-updates';

const STATUS_OF: Record<ProposalDecision, Exclude<ProposalStatus, 'open'>> = { accept: 'accepted', reject: 'rejected', withdraw: 'withdrawn' };
const AUDIT_OF = { accept: 'proposal.accepted', reject: 'proposal.rejected', withdraw: 'proposal.withdrawn' } as const;

export interface DecideProposalInput {
  document: Pick<DocumentRow, 'id' | 'languages'>;
  proposalId: string;
  decision: ProposalDecision;
  user: { id: string; participantId: string | null };
}

/**
 * Accepts, rejects or withdraws a proposal. The caller has authorized `proposal.decide` (accept,
 * reject) or `proposal.withdraw`; a withdrawal must come from the sponsor's own delegation.
 *
 * One decision wins: the row is moved out of 'open' in a transaction first (a second decision finds it
 * decided: 409 proposal_not_open), then the text changes through the gateway as one Yjs change with a
 * typed origin. Accepting a proposal whose text is no longer in the clause answers 409
 * proposal_text_gone and leaves it open; if the text cannot change (the document was frozen meanwhile)
 * the proposal is opened again. The stored update the decision committed is recorded on the proposal,
 * so the redline attributes that change to the proposal and its sponsor (versions/decision-updates.ts).
 */
export async function decideProposal(ctx: AppContext, input: DecideProposalInput): Promise<ProposalJSON> {
  const { document, proposalId, decision } = input;
  const status = STATUS_OF[decision];
  const claimed = await withTransaction(ctx.pool, async (client) => {
    const documentStatus = await lockDocumentStatus(client, document.id);
    if (documentStatus === null) throw new AppError('not_found');
    if (documentStatus !== 'draft') throw new AppError('document_frozen');
    const row = await lockProposal(client, document.id, proposalId);
    if (!row) throw new AppError('not_found');
    if (row.status !== 'open') throw new AppError('proposal_not_open', { status: row.status }, { status: row.status });
    if (decision === 'withdraw' && (row.sponsor_participant_id === null || row.sponsor_participant_id !== input.user.participantId)) {
      throw new AppError('proposal_sponsor');
    }
    if (!(await markDecided(client, document.id, proposalId, status, input.user.id))) throw new AppError('proposal_not_open', { status: 'decided' });
    return row;
  });

  ctx.documents.setProposalClosed(document.id, proposalId, true);
  let runs: Record<string, ProposalRun[]> = {};
  let update: Uint8Array | null = null;
  try {
    ({ result: runs, update } = await ctx.documents.write(document.id, serverOrigin('command'), (apply) =>
      applyCapturingUpdate(apply, (doc) => {
        const before = clauseProposals(doc, claimed.clause_id, document.languages).get(proposalId) ?? {};
        if (decision === 'accept' && Object.keys(before).length === 0) throw new AppError('proposal_text_gone');
        applyDecision(doc, claimed.clause_id, proposalId, decision === 'accept' ? 'accept' : 'reject', document.languages);
        return before;
      }),
    ));
  } catch (err) {
    ctx.documents.setProposalClosed(document.id, proposalId, false);
    await reopen(ctx.pool, document.id, proposalId).catch((reopenErr: unknown) =>
      ctx.log.error({ err: reopenErr, documentId: document.id, proposalId }, 'a proposal could not be reopened after its decision failed'),
    );
    throw err;
  }
  await withTransaction(ctx.pool, async (client) => {
    await saveDecidedRuns(client, document.id, proposalId, runs);
    if (update) await recordDecisionUpdate(client, document.id, proposalId, update);
    await recordAuditEvent(client, {
      documentId: document.id,
      actorUserId: input.user.id,
      action: AUDIT_OF[decision],
      subject: { proposalId, clauseId: claimed.clause_id, participantId: claimed.sponsor_participant_id },
    });
  });
  ctx.log.info({ documentId: document.id, proposalId, decision }, 'proposal decided');
  const proposal = await loadProposal(ctx, document, proposalId);
  if (!proposal) throw new AppError('not_found');
  ctx.events.emit('proposal.changed', { documentId: document.id, proposal });
  return proposal;
}
