import type { ProposalJSON } from '../../../shared/src/api/proposals';
import type { ProposalRun } from '../../../shared/src/proposals';
import type { CosponsorRow, PositionRow, ProposalRow } from '../proposals/proposal-store';
import { presentUserRef } from './approval';

/** A proposal as the API shows it: `changes` from the live text while open, as decided afterwards. */
export function presentProposal(
  row: ProposalRow,
  positions: readonly PositionRow[],
  cosponsors: readonly CosponsorRow[],
  liveChanges: Record<string, ProposalRun[]> | undefined,
): ProposalJSON {
  return {
    id: row.id,
    documentId: row.document_id,
    clauseId: row.clause_id,
    sponsorParticipantId: row.sponsor_participant_id,
    cosponsorParticipantIds: cosponsors.filter((c) => c.proposal_id === row.id).map((c) => c.participant_id),
    author: row.author_user_id ? presentUserRef(row.author_user_id, row.author_name ?? '') : null,
    explanation: row.explanation,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    decidedBy: row.decided_by ? presentUserRef(row.decided_by, row.decider_name ?? '') : null,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    changes: row.status === 'open' ? (liveChanges ?? {}) : (row.decided_runs ?? {}),
    positions: positions
      .filter((p) => p.proposal_id === row.id)
      .map((p) => ({
        participantId: p.participant_id,
        position: p.position,
        note: p.note,
        by: presentUserRef(p.user_id, p.user_name),
        updatedAt: p.updated_at.toISOString(),
      })),
  };
}
