/**
 * Approval and concordance rows → the API's shapes (shared/src/api/approvals.ts), field by field: the
 * stored canonical texts and update ids never leave the server except through these.
 */
import type { ApprovalRecord, ClauseHistoryEntry, ConcordanceRecord, UserRef } from '../../../shared/src/api/approvals';
import type { ApprovalRow, ConfirmationRow, InForceApprovalRow } from '../approvals/approval-store';

export function presentUserRef(id: string, displayName: string): UserRef {
  return { id, displayName };
}

export function presentApproval(row: InForceApprovalRow): ApprovalRecord {
  return {
    id: row.id,
    clauseId: row.clause_id,
    participantId: row.participant_id,
    fingerprint: row.fingerprint,
    languageHashes: { ...row.language_hashes },
    approvedBy: presentUserRef(row.user_id, row.user_display_name),
    approvedAt: row.created_at.toISOString(),
    concordanceAtApproval: row.concordance_status,
    adReferendum: row.ad_referendum && row.confirmed_at === null,
    confirmedBy: row.confirmed_by_id && row.confirmed_by_name !== null ? presentUserRef(row.confirmed_by_id, row.confirmed_by_name) : null,
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    packageId: row.package_id,
  };
}

export function presentConfirmation(row: ConfirmationRow): ConcordanceRecord {
  return {
    id: row.id,
    clauseId: row.clause_id,
    languageHashes: { ...row.language_hashes },
    confirmedBy: presentUserRef(row.user_id, row.user_display_name),
    confirmedAt: row.created_at.toISOString(),
  };
}

/** A confirmation for the capital of one of the clause's approvals (approval_confirmations). */
export interface CapitalConfirmationRow {
  id: string;
  approval_id: string;
  participant_id: string;
  user_id: string;
  user_display_name: string;
  created_at: Date;
}

/** Approvals, revocations and confirmations of one clause as one list, in the order they happened. */
export function presentHistory(approvals: ApprovalRow[], confirmations: ConfirmationRow[], capital: CapitalConfirmationRow[] = []): ClauseHistoryEntry[] {
  const entries: Array<{ at: Date; entry: ClauseHistoryEntry }> = [];
  for (const row of capital) {
    entries.push({
      at: row.created_at,
      entry: {
        type: 'confirmation',
        id: row.id,
        participantId: row.participant_id,
        user: presentUserRef(row.user_id, row.user_display_name),
        at: row.created_at.toISOString(),
        approvalId: row.approval_id,
      },
    });
  }
  for (const row of approvals) {
    const user = presentUserRef(row.user_id, row.user_display_name);
    const at = row.created_at.toISOString();
    entries.push({
      at: row.created_at,
      entry:
        row.kind === 'approval'
          ? {
              type: 'approval',
              id: row.id,
              participantId: row.participant_id,
              user,
              at,
              fingerprint: row.fingerprint ?? '',
              concordanceAtApproval: row.concordance_status ?? 'unconfirmed',
              adReferendum: row.ad_referendum,
              ...(row.package_id ? { packageId: row.package_id } : {}),
            }
          : { type: 'revocation', id: row.id, participantId: row.participant_id, user, at, revokes: row.revokes_id ?? '' },
    });
  }
  for (const row of confirmations) {
    entries.push({
      at: row.created_at,
      entry: {
        type: 'concordance',
        id: row.id,
        user: presentUserRef(row.user_id, row.user_display_name),
        at: row.created_at.toISOString(),
        languageHashes: { ...row.language_hashes },
      },
    });
  }
  // Stable: rows of one log keep their id order when two share a timestamp.
  return entries
    .map((e, index) => ({ ...e, index }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index)
    .map((e) => e.entry);
}
