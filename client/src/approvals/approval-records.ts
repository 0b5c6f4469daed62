/**
 * The approval and concordance records in force on one document, as this client holds them: the
 * matrix's answer, then socket.io events and the answers to this person's own actions — each a change
 * that leaves what is held as it is when it brings nothing new (live-store.ts [L1]).
 */
import { applyApprovalEvent, applyPackageEvent, emptyMatrixRecords, recordsOfMatrix, type MatrixRecords } from '../../../shared/src/approval-matrix';
import type { PackageChangedEvent, PackageDeletedEvent } from '../../../shared/src/api/packages';
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
    records: recordsOfMatrix(matrix.clauses, matrix.packages ?? {}),
    revoked: new Set(),
  };
}

/** A package created or changed, or deleted: the approvals conditional on it are held by its clauses now [A5]. */
export const packageChanged =
  (event: PackageChangedEvent): Change<ApprovalRecords> =>
  (held) => {
    const records = applyPackageEvent(held.records, { type: 'changed', packageId: event.package.id, clauseIds: event.package.clauseIds });
    return records === held.records ? held : { ...held, records };
  };

export const packageDeleted =
  (event: PackageDeletedEvent): Change<ApprovalRecords> =>
  (held) => {
    const records = applyPackageEvent(held.records, { type: 'deleted', packageId: event.packageId });
    return records === held.records ? held : { ...held, records };
  };

/**
 * An approval recorded; ignored when the same or a newer one is held, or when it was revoked already.
 * The same approval confirmed for the capital (same id, now final) replaces the ad referendum one held:
 * confirming only ever turns an approval final, never back.
 */
export const approvalRecorded =
  (event: ApprovalRecordedEvent): Change<ApprovalRecords> =>
  (held) => {
    const { approval } = event;
    if (held.revoked.has(approval.id)) return held;
    const cells = held.records.approvals[approval.clauseId];
    const before = cells?.[approval.participantId];
    if (before && before.id === approval.id && confirms(approval, before)) {
      return {
        ...held,
        records: { ...held.records, approvals: { ...held.records.approvals, [approval.clauseId]: { ...cells, [approval.participantId]: approval } } },
      };
    }
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
 * A fresh answer, keeping the held objects wherever it says the same (a record changes only when it is
 * confirmed for the capital, so its id and that state say what it holds): after a reload only the clauses whose records changed get new rows.
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
  const packages = loaded.records.packages ?? {};
  const samePackages = JSON.stringify(packages) === JSON.stringify(held.records.packages ?? {});
  return {
    documentStatus: loaded.documentStatus,
    languages: loaded.languages.join() === held.languages.join() ? held.languages : loaded.languages,
    participants: JSON.stringify(loaded.participants) === JSON.stringify(held.participants) ? held.participants : loaded.participants,
    records: { approvals, confirmations, packages: samePackages && held.records.packages ? held.records.packages : packages },
    revoked: held.revoked,
  };
}

/** `next` is `held` confirmed for the capital: held awaits the capital, next no longer does. */
function confirms(next: ApprovalRecord, held: ApprovalRecord): boolean {
  return held.adReferendum && !next.adReferendum && next.confirmedAt !== null;
}

/** The same records: the same approvals, each in the same state (an ad referendum approval may have been confirmed since). */
function sameCells(a: Record<string, ApprovalRecord>, b: Record<string, ApprovalRecord>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((participantId) => b[participantId]?.id === a[participantId].id && b[participantId].adReferendum === a[participantId].adReferendum)
  );
}
