/**
 * The approval and concordance records in force on one document, as this client holds them: the
 * matrix's answer, then socket.io events and the answers to this person's own actions — each a change
 * that leaves what is held as it is when it brings nothing new (live-store.ts [L1]).
 */
import { applyApprovalEvent, emptyMatrixRecords, recordsOfMatrix, type MatrixRecords } from '../../../shared/src/approval-matrix';
import type {
  ApprovalMatrix,
  ApprovalRecord,
  ApprovalRecordedEvent,
  ApprovalRevokedEvent,
  ConcordanceConfirmedEvent,
  MatrixParticipant,
} from '../../../shared/src/api/approvals';
import type { Change } from '../realtime/live-store';

export interface ApprovalRecords {
  documentStatus: string;
  languages: readonly string[];
  participants: readonly MatrixParticipant[];
  records: MatrixRecords;
  /** Approvals known to be revoked: their 'recorded' event, arriving after the revocation, is not applied. */
  revoked: ReadonlySet<string>;
}

export const emptyApprovalRecords = (): ApprovalRecords => ({
  documentStatus: 'draft',
  languages: [],
  participants: [],
  records: emptyMatrixRecords(),
  revoked: new Set(),
});

export function fromMatrix(matrix: ApprovalMatrix): ApprovalRecords {
  return {
    documentStatus: matrix.documentStatus,
    languages: matrix.languages,
    participants: matrix.participants,
    records: recordsOfMatrix(matrix.clauses),
    revoked: new Set(),
  };
}

/** An approval recorded; ignored when the same or a newer one is held, or when it was revoked already. */
export const approvalRecorded =
  (event: ApprovalRecordedEvent): Change<ApprovalRecords> =>
  (held) => {
    if (held.revoked.has(event.approval.id)) return held;
    const records = applyApprovalEvent(held.records, { type: 'recorded', payload: event });
    return records === held.records ? held : { ...held, records };
  };

/** An approval revoked; remembered even before its 'recorded' event arrives. */
export const approvalRevoked =
  (event: ApprovalRevokedEvent): Change<ApprovalRecords> =>
  (held) => {
    const records = applyApprovalEvent(held.records, { type: 'revoked', payload: event });
    const known = held.revoked.has(event.approvalId);
    if (records === held.records && known) return held;
    return { ...held, records, revoked: known ? held.revoked : new Set([...held.revoked, event.approvalId]) };
  };

/** Concordance confirmed; ignored when the same or a newer confirmation is held. */
export const concordanceConfirmed =
  (event: ConcordanceConfirmedEvent): Change<ApprovalRecords> =>
  (held) => {
    const records = applyApprovalEvent(held.records, { type: 'confirmed', payload: event });
    return records === held.records ? held : { ...held, records };
  };

/**
 * A fresh answer, keeping the held objects wherever it says the same (a record is never changed once
 * made, so its id says what it holds): after a reload only the clauses whose records changed get new rows.
 */
export function mergeApprovalRecords(loaded: ApprovalRecords, held: ApprovalRecords): ApprovalRecords {
  const approvals: MatrixRecords['approvals'] = {};
  for (const [clauseId, cells] of Object.entries(loaded.records.approvals)) {
    const before = held.records.approvals[clauseId];
    approvals[clauseId] = before && sameCells(before, cells) ? before : cells;
  }
  const confirmations: MatrixRecords['confirmations'] = {};
  for (const [clauseId, confirmation] of Object.entries(loaded.records.confirmations)) {
    const before = held.records.confirmations[clauseId];
    confirmations[clauseId] = before?.id === confirmation.id ? before : confirmation;
  }
  return {
    documentStatus: loaded.documentStatus,
    languages: loaded.languages.join() === held.languages.join() ? held.languages : loaded.languages,
    participants: JSON.stringify(loaded.participants) === JSON.stringify(held.participants) ? held.participants : loaded.participants,
    records: { approvals, confirmations },
    revoked: held.revoked,
  };
}

function sameCells(a: Record<string, ApprovalRecord>, b: Record<string, ApprovalRecord>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((participantId) => b[participantId]?.id === a[participantId].id);
}
