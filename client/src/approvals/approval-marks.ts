/**
 * How an approval reads wherever it shows (the clause badges, the matrix, the legend): the mark after the
 * Participant's code and the sentence its tooltip and accessible name say. An approval given ad
 * referendum — subject to confirmation by the Participant's capital — carries its own mark ("US ✓ᵃʳ")
 * and says who is awaited; one confirmed for the capital says who confirmed it and when.
 */
import type { TFunction } from 'i18next';
import type { ApprovalStatus, ConcordanceStatus } from '../../../shared/src/approval-status';
import type { ApprovalRecord } from '../../../shared/src/api/approvals';
import { formatDateTime } from '../app/format';

/** The mark each status shows after the code (the legend explains them). */
export const STATUS_MARK: Record<ApprovalStatus, string> = { approved: '✓', outdated: '!', not_approved: '–' };
export const CONCORDANCE_MARK: Record<ConcordanceStatus, string> = { concordant: '=', stale: '≠', unconfirmed: '?' };
/** Added to the mark of an approval awaiting the capital's confirmation: "US ✓ᵃʳ". */
export const AD_REFERENDUM_MARK = 'ᵃʳ';

type ApprovalState = Pick<ApprovalRecord, 'approvedBy' | 'approvedAt' | 'adReferendum' | 'confirmedBy' | 'confirmedAt'>;

/** True while the approval awaits the capital's confirmation. */
export function isAdReferendum(approval: Pick<ApprovalRecord, 'adReferendum'> | undefined | null): boolean {
  return approval?.adReferendum === true;
}

export function approvalMark(status: ApprovalStatus, approval: Pick<ApprovalRecord, 'adReferendum'> | undefined): string {
  return status !== 'not_approved' && isAdReferendum(approval) ? `${STATUS_MARK[status]}${AD_REFERENDUM_MARK}` : STATUS_MARK[status];
}

/** The class a badge or a matrix cell adds for an approval awaiting the capital. */
export function adReferendumClass(status: ApprovalStatus, approval: Pick<ApprovalRecord, 'adReferendum'> | undefined): string {
  return status !== 'not_approved' && isAdReferendum(approval) ? ' is-ad-referendum' : '';
}

/**
 * "approved ad referendum by José Ixcot on 7 Dec 2026, 15:20, awaiting confirmation by the capital",
 * "approved by …, …; confirmed for the capital by …, …", with "; the text changed since" when outdated.
 */
export function approvalDetail(t: TFunction, status: ApprovalStatus, approval: ApprovalState | undefined, lang: string): string {
  if (!approval || status === 'not_approved') return '';
  const date = (iso: string) => formatDateTime(iso, lang);
  const by = { name: approval.approvedBy.displayName, date: date(approval.approvedAt) };
  const parts = [
    isAdReferendum(approval)
      ? t('approvals:badge.adReferendumBy', by)
      : approval.confirmedBy && approval.confirmedAt
        ? t('approvals:badge.confirmedBy', { ...by, confirmer: approval.confirmedBy.displayName, confirmedAt: date(approval.confirmedAt) })
        : t('approvals:badge.approvedBy', by),
  ];
  if (status === 'outdated') parts.push(t('approvals:badge.textChanged'));
  return parts.join('; ');
}

/** The status as a word: "Approved ad referendum" for an approval awaiting the capital. */
export function statusWord(t: TFunction, status: ApprovalStatus, approval: Pick<ApprovalRecord, 'adReferendum'> | undefined): string {
  return status === 'approved' && isAdReferendum(approval) ? t('approvals:status.approved_ad_referendum') : t(`approvals:status.${status}`);
}
