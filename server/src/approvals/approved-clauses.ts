/**
 * How many clauses of each listed document every Participant has approved as they stand now — the
 * per-clause form of readiness [A4], with each cell's status derived as in the matrix [A2].
 *
 * One query for all the documents finds, per clause, the fingerprint every Participant's approval in
 * force agrees on (clauses where some Participant has none, or approvals of different texts, cannot be
 * approved by all); the text now comes from StoredFingerprints. A clause counts when its current
 * fingerprint is that one — and, for an approval conditional on a package [A5], when its Participant's
 * approvals of the package's clauses cover them as they stand (a held approval is not counted).
 */
import type { Queryable } from '../db/queryable';
import { approvalStatus } from '../../../shared/src/approval-status';
import type { ClauseFingerprint } from './stored-fingerprints';

/** One clause's approvals agreed by all, and what holds them [A5]: clause id → fingerprint, with the conditions. */
export class UnanimousClauses extends Map<string, string> {
  /** Clause id → per conditional approval of it: the package's clauses with what its Participant approved of each (null: nothing). */
  readonly conditions = new Map<string, Array<Array<{ clauseId: string; fingerprint: string | null }>>>();
}

/** Per document, clause id → the fingerprint all of its Participants' approvals in force cover. */
export type UnanimousApprovals = Map<string, UnanimousClauses>;

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
    if (!clauses) answer.set(row.document_id, (clauses = new UnanimousClauses()));
    clauses.set(row.clause_id, row.fingerprint);
  }
  await addConditions(db, documentIds, answer);
  return answer;
}

/** [A5] The conditional approvals in force, each with its Participant's approvals of the package's clauses. */
async function addConditions(db: Queryable, documentIds: readonly string[], answer: UnanimousApprovals): Promise<void> {
  const { rows } = await db.query<{ document_id: string; clause_id: string; participant_id: string; package_clause_id: string; fingerprint: string | null }>(
    `WITH latest AS (
       SELECT DISTINCT ON (a.document_id, a.clause_id, a.participant_id) a.document_id, a.clause_id, a.participant_id, a.kind, a.fingerprint, a.package_id
         FROM approvals a
        WHERE a.document_id = ANY ($1::uuid[])
        ORDER BY a.document_id, a.clause_id, a.participant_id, a.id DESC
     )
     SELECT c.document_id, c.clause_id, c.participant_id, pc.clause_id AS package_clause_id, other.fingerprint
       FROM latest c
       JOIN package_clauses pc ON pc.package_id = c.package_id
       LEFT JOIN latest other ON other.document_id = c.document_id AND other.clause_id = pc.clause_id
                             AND other.participant_id = c.participant_id AND other.kind = 'approval'
      WHERE c.kind = 'approval' AND c.package_id IS NOT NULL
      ORDER BY c.document_id, c.clause_id, c.participant_id, pc.position`,
    [documentIds],
  );
  const grouped = new Map<string, { document: string; clause: string; list: Array<{ clauseId: string; fingerprint: string | null }> }>();
  for (const row of rows) {
    const key = `${row.document_id}:${row.clause_id}:${row.participant_id}`;
    let entry = grouped.get(key);
    if (!entry) grouped.set(key, (entry = { document: row.document_id, clause: row.clause_id, list: [] }));
    entry.list.push({ clauseId: row.package_clause_id, fingerprint: row.fingerprint });
  }
  for (const { document, clause, list } of grouped.values()) {
    const clauses = answer.get(document);
    if (!clauses?.has(clause)) continue;
    const held = clauses.conditions.get(clause) ?? [];
    held.push(list);
    clauses.conditions.set(clause, held);
  }
}

/** The visible clauses approved by every Participant now, out of all visible clauses. */
export function approvedClauses(clauses: readonly ClauseFingerprint[], unanimous: UnanimousClauses | undefined): { approved: number; total: number } {
  const now = new Map(clauses.map((clause) => [clause.clauseId, clause.fingerprint]));
  const covers = (approved: { clauseId: string; fingerprint: string | null }) =>
    approved.fingerprint !== null && approvalStatus(now.get(approved.clauseId) ?? null, { fingerprint: approved.fingerprint }) === 'approved';
  let approved = 0;
  for (const clause of clauses) {
    const agreed = unanimous?.get(clause.clauseId);
    if (agreed === undefined || approvalStatus(clause.fingerprint, { fingerprint: agreed }) !== 'approved') continue;
    // [A5] a conditional approval counts only while its package is settled for its Participant.
    const conditions = unanimous?.conditions.get(clause.clauseId) ?? [];
    if (conditions.every((packageClauses) => packageClauses.every(covers))) approved += 1;
  }
  return { approved, total: clauses.length };
}
