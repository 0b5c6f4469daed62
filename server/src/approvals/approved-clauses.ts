/**
 * How many clauses of each listed document every Participant has approved as they stand now — the
 * per-clause form of readiness [A4], with each cell's status derived as in the matrix [A2].
 *
 * One query for all the documents finds, per clause, the fingerprint every Participant's approval in
 * force agrees on (clauses where some Participant has none, or approvals of different texts, cannot be
 * approved by all); the text now comes from StoredFingerprints. A clause counts when its current
 * fingerprint is that one.
 */
import type { Queryable } from '../db/queryable';
import { approvalStatus } from '../../../shared/src/approval-status';
import type { ClauseFingerprint } from './stored-fingerprints';

/** Per document, clause id → the fingerprint all of its Participants' approvals in force cover. */
export type UnanimousApprovals = Map<string, Map<string, string>>;

export async function unanimousApprovals(db: Queryable, documentIds: readonly string[]): Promise<UnanimousApprovals> {
  const answer: UnanimousApprovals = new Map();
  if (documentIds.length === 0) return answer;
  const { rows } = await db.query<{ document_id: string; clause_id: string; fingerprint: string }>(
    `WITH latest AS (
       SELECT DISTINCT ON (a.document_id, a.clause_id, a.participant_id) a.document_id, a.clause_id, a.participant_id, a.kind, a.fingerprint
         FROM approvals a
        WHERE a.document_id = ANY ($1::uuid[])
        ORDER BY a.document_id, a.clause_id, a.participant_id, a.id DESC
     ), participant_counts AS (
       SELECT document_id, count(*) AS participants FROM participants WHERE document_id = ANY ($1::uuid[]) GROUP BY document_id
     )
     SELECT l.document_id, l.clause_id, min(l.fingerprint) AS fingerprint
       FROM latest l
       JOIN participants p ON p.id = l.participant_id AND p.document_id = l.document_id
       JOIN participant_counts pc ON pc.document_id = l.document_id
      WHERE l.kind = 'approval'
      GROUP BY l.document_id, l.clause_id, pc.participants
     HAVING count(*) = pc.participants AND count(DISTINCT l.fingerprint) = 1`,
    [documentIds],
  );
  for (const row of rows) {
    let clauses = answer.get(row.document_id);
    if (!clauses) answer.set(row.document_id, (clauses = new Map()));
    clauses.set(row.clause_id, row.fingerprint);
  }
  return answer;
}

/** The visible clauses approved by every Participant now, out of all visible clauses. */
export function approvedClauses(
  clauses: readonly ClauseFingerprint[],
  unanimous: ReadonlyMap<string, string> | undefined,
): { approved: number; total: number } {
  let approved = 0;
  for (const clause of clauses) {
    const agreed = unanimous?.get(clause.clauseId);
    if (agreed !== undefined && approvalStatus(clause.fingerprint, { fingerprint: agreed }) === 'approved') approved += 1;
  }
  return { approved, total: clauses.length };
}
