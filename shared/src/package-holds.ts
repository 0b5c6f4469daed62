/**
 * Packages — "nothing is agreed until everything is agreed" (issue 16). A package is a named set of
 * clauses; a Participant's approval may be conditional on one. Derived, never stored, from the [A2]
 * statuses of the clauses as they stand:
 *
 *  [A5] A conditional approval whose [A2] status is `approved` stays `approved` only while its
 *       Participant has approved [A2] every clause of the package; otherwise it is `held`, and the
 *       clauses missing are named (in the package's order). A package the reader does not know holds
 *       (conditional until shown settled). Only [A2] statuses are read, so holds never chain.
 *  [A6] A package is settled when every Participant of the document has approved [A2] every clause of
 *       it; a clause no longer in the document is never approved, so it keeps the package unsettled.
 *
 * The server (approval matrix, one clause's approvals, freeze blockers) and the client (its own Y.Doc)
 * run these functions on the same inputs, so both agree by construction.
 */
import type { MatrixClause } from './api/approvals';
import type { ApprovalStatus } from './approval-status';

/** Package id → its clause ids, in order. */
export type PackageIndex = Readonly<Record<string, readonly string[]>>;

/** [A2] statuses by clause id, then Participant id. */
export type PlainStatuses = ReadonlyMap<string, Readonly<Record<string, ApprovalStatus>>>;

/** The clauses of `clauseIds` that `participantId` has not approved as they stand [A2]. */
export function missingClauses(clauseIds: readonly string[], participantId: string, plain: PlainStatuses): string[] {
  return clauseIds.filter((clauseId) => plain.get(clauseId)?.[participantId] !== 'approved');
}

/** [A2] statuses of the rows, keyed by clause id. */
export function plainStatusesOf(rows: readonly Pick<MatrixClause, 'clauseId' | 'statuses'>[]): Map<string, Record<string, ApprovalStatus>> {
  return new Map(rows.map((row) => [row.clauseId, row.statuses]));
}

/**
 * [A5] What holds one row's conditional approvals: Participant id → the clauses missing, for each
 * approval that would be `approved` but whose package is not settled for its Participant. Empty: none.
 */
export function rowHolds(
  row: Pick<MatrixClause, 'approvals' | 'statuses'>,
  participantIds: readonly string[],
  packages: PackageIndex,
  plain: PlainStatuses,
): Record<string, string[]> {
  const holds: Record<string, string[]> = {};
  for (const participantId of participantIds) {
    const packageId = row.approvals[participantId]?.packageId;
    if (!packageId || row.statuses[participantId] !== 'approved') continue;
    const clauseIds = packages[packageId];
    const missing = clauseIds ? missingClauses(clauseIds, participantId, plain) : [];
    if (!clauseIds || missing.length > 0) holds[participantId] = missing;
  }
  return holds;
}

/** A row with its holds applied; the same object when nothing holds. Expects [A2] statuses in `row`. */
export function withHolds(row: MatrixClause, holds: Readonly<Record<string, string[]>>): MatrixClause {
  const held = Object.keys(holds);
  if (held.length === 0) return row;
  const statuses = { ...row.statuses };
  for (const participantId of held) statuses[participantId] = 'held';
  return { ...row, statuses, held: { ...holds } };
}

/** [A5] Every row with its holds; `rows` are every visible clause with [A2] statuses. */
export function holdConditionalApprovals(rows: readonly MatrixClause[], participantIds: readonly string[], packages: PackageIndex): MatrixClause[] {
  const plain = plainStatusesOf(rows);
  return rows.map((row) => withHolds(row, rowHolds(row, participantIds, packages, plain)));
}

export interface PackageSettlement {
  settled: boolean;
  /** Per Participant id: the clauses of the package it has not approved as they stand (empty: settled for it). */
  missing: Record<string, string[]>;
}

/** [A6] Whether a package is settled, and what each Participant is missing. */
export function packageSettlement(clauseIds: readonly string[], participantIds: readonly string[], plain: PlainStatuses): PackageSettlement {
  const missing: Record<string, string[]> = {};
  let settled = participantIds.length > 0;
  for (const participantId of participantIds) {
    missing[participantId] = missingClauses(clauseIds, participantId, plain);
    if (missing[participantId].length > 0) settled = false;
  }
  return { settled, missing };
}

/** [A2] statuses back from rows whose approvals may be held: a `held` cell is an [A2] `approved` one. */
export function unheldStatusesOf(rows: readonly Pick<MatrixClause, 'clauseId' | 'statuses'>[]): Map<string, Record<string, ApprovalStatus>> {
  return new Map(
    rows.map((row) => [
      row.clauseId,
      Object.fromEntries(Object.entries(row.statuses).map(([participantId, status]) => [participantId, status === 'held' ? 'approved' : status])),
    ]),
  );
}
