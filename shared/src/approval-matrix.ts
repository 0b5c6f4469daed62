/**
 * The approval matrix as data: clauses × Participants, derived from the texts now and the records in
 * force. The server answers GET /api/documents/:id/approvals with it; the client re-derives it from its
 * own Y.Doc on every change, so both sides agree by construction (same code, same inputs).
 */
import type {
  ApprovalRecord,
  ApprovalRecordedEvent,
  ApprovalRevokedEvent,
  ConcordanceConfirmedEvent,
  ConcordanceRecord,
  MatrixClause,
  MatrixFilter,
  MatrixParticipant,
} from './api/approvals';
import { approvalStatus, concordanceState, type ApprovalStatus, type ClauseTextState } from './approval-status';
import { holdConditionalApprovals, type PackageIndex } from './package-holds';

/** What is recorded and in force: approvals by clause then Participant, the latest confirmation by clause. */
export interface MatrixRecords {
  approvals: Record<string, Record<string, ApprovalRecord>>;
  confirmations: Record<string, ConcordanceRecord>;
  /** The document's packages (id → clause ids), for conditional approvals [A5]; absent: none known. */
  packages?: PackageIndex;
}

export const emptyMatrixRecords = (): MatrixRecords => ({ approvals: {}, confirmations: {} });

/** One row per clause text, statuses derived [A2] [A3], conditional approvals held [A5]; `texts`: every visible clause. */
export function deriveMatrixClauses(texts: readonly ClauseTextState[], participantIds: readonly string[], records: MatrixRecords): MatrixClause[] {
  return holdConditionalApprovals(derivePlainMatrixClauses(texts, participantIds, records), participantIds, records.packages ?? {});
}

/** Rows with [A2] [A3] statuses only: no holds [A5] (the client derives rows one by one, then holds them all). */
export function derivePlainMatrixClauses(texts: readonly ClauseTextState[], participantIds: readonly string[], records: MatrixRecords): MatrixClause[] {
  return texts.map((text) => {
    const cells = records.approvals[text.clauseId] ?? {};
    const approvals: Record<string, ApprovalRecord> = {};
    const statuses: Record<string, ApprovalStatus> = {};
    for (const id of participantIds) {
      if (cells[id]) approvals[id] = cells[id];
      statuses[id] = approvalStatus(text.fingerprint, cells[id] ?? null);
    }
    const confirmation = records.confirmations[text.clauseId] ?? null;
    // A text that cannot be hashed cannot be concordant either; every language counts as changed.
    const concordance =
      text.fingerprint === null
        ? {
            status: confirmation ? ('stale' as const) : ('unconfirmed' as const),
            changedLanguages: confirmation ? Object.keys(confirmation.languageHashes).sort() : [],
          }
        : concordanceState(text.languageHashes, confirmation);
    return {
      clauseId: text.clauseId,
      kind: text.kind,
      fingerprint: text.fingerprint,
      languageHashes: text.languageHashes,
      approvals,
      statuses,
      concordance: { ...concordance, confirmation },
    };
  });
}

/** The records in force as the matrix lists them (the client starts from the server's answer), with its packages. */
export function recordsOfMatrix(clauses: readonly MatrixClause[], packages?: PackageIndex): MatrixRecords {
  const records: MatrixRecords = packages ? { ...emptyMatrixRecords(), packages: { ...packages } } : emptyMatrixRecords();
  for (const clause of clauses) {
    if (Object.keys(clause.approvals).length > 0) records.approvals[clause.clauseId] = { ...clause.approvals };
    if (clause.concordance.confirmation) records.confirmations[clause.clauseId] = clause.concordance.confirmation;
  }
  return records;
}

/**
 * Applies a socket.io event to the records, returning new records (the input is not changed). Events
 * may arrive after a fresher GET answer: an approval or confirmation older than the one held is ignored.
 */
export function applyApprovalEvent(
  records: MatrixRecords,
  event:
    | { type: 'recorded'; payload: ApprovalRecordedEvent }
    | { type: 'revoked'; payload: ApprovalRevokedEvent }
    | { type: 'confirmed'; payload: ConcordanceConfirmedEvent },
): MatrixRecords {
  switch (event.type) {
    case 'recorded': {
      const { approval } = event.payload;
      const cells = records.approvals[approval.clauseId] ?? {};
      const held = cells[approval.participantId];
      if (held && Number(held.id) >= Number(approval.id)) return records;
      return { ...records, approvals: { ...records.approvals, [approval.clauseId]: { ...cells, [approval.participantId]: approval } } };
    }
    case 'revoked': {
      const { clauseId, participantId, approvalId } = event.payload;
      const cells = records.approvals[clauseId];
      if (!cells?.[participantId] || cells[participantId].id !== approvalId) return records;
      const { [participantId]: _revoked, ...rest } = cells;
      return { ...records, approvals: { ...records.approvals, [clauseId]: rest } };
    }
    case 'confirmed': {
      const { confirmation } = event.payload;
      const held = records.confirmations[confirmation.clauseId];
      if (held && Number(held.id) >= Number(confirmation.id)) return records;
      return { ...records, confirmations: { ...records.confirmations, [confirmation.clauseId]: confirmation } };
    }
  }
}

/**
 * A package was created or changed (its clauses), or deleted: the records' package index follows
 * [A5]. Returns the records given when nothing changes (duplicate events tell nobody).
 */
export function applyPackageEvent(
  records: MatrixRecords,
  event: { type: 'changed'; packageId: string; clauseIds: readonly string[] } | { type: 'deleted'; packageId: string },
): MatrixRecords {
  const packages = records.packages ?? {};
  if (event.type === 'deleted') {
    if (!(event.packageId in packages)) return records;
    const { [event.packageId]: _deleted, ...rest } = packages;
    return { ...records, packages: rest };
  }
  const held = packages[event.packageId];
  if (held && held.length === event.clauseIds.length && held.every((id, i) => id === event.clauseIds[i])) return records;
  return { ...records, packages: { ...packages, [event.packageId]: [...event.clauseIds] } };
}

export interface MatrixFilterOptions {
  status?: MatrixFilter;
  /** A Participant id or code: clauses it has not approved as they stand. */
  missing?: string;
}

/** The clauses a filter keeps: "outdated" (any cell outdated), "missing Guatemala" (GT's cell not approved), … */
export function filterMatrixClauses(
  clauses: MatrixClause[],
  participants: readonly Pick<MatrixParticipant, 'id' | 'code'>[],
  filter: MatrixFilterOptions,
): MatrixClause[] {
  let kept = clauses;
  const { status, missing } = filter;
  if (status === 'concordance_flagged') kept = kept.filter((c) => c.concordance.status !== 'concordant');
  else if (status) kept = kept.filter((c) => Object.values(c.statuses).includes(status));
  if (missing) {
    const participant = participants.find((p) => p.id === missing || p.code.toLowerCase() === missing.toLowerCase());
    kept = participant ? kept.filter((c) => c.statuses[participant.id] !== 'approved') : [];
  }
  return kept;
}
