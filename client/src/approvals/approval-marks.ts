/**
 * How an approval reads wherever it shows (the clause badges, the matrix, the legend): the mark after the
 * Participant's code and the sentence its tooltip and accessible name say. An approval given ad
 * referendum — subject to confirmation by the Participant's capital — carries its own mark ("US ✓ᵃʳ")
 * and says who is awaited; one confirmed for the capital says who confirmed it and when. An approval
 * conditional on a package carries "ᵖ" ("HN ✓ᵖ"), and while the package is not settled it is held
 * ("HN ◐ᵖ"), its name saying which clauses are missing.
 */
import type { TFunction } from 'i18next';
import type { ApprovalStatus, ConcordanceStatus } from '../../../shared/src/approval-status';
import type { ApprovalRecord } from '../../../shared/src/api/approvals';
import { formatDateTime } from '../app/format';

/** The mark each status shows after the code (the legend explains them). */
export const STATUS_MARK: Record<ApprovalStatus, string> = { approved: '✓', outdated: '!', not_approved: '–', held: '◐' };
export const CONCORDANCE_MARK: Record<ConcordanceStatus, string> = { concordant: '=', stale: '≠', unconfirmed: '?' };
/** Added to the mark of an approval awaiting the capital's confirmation: "US ✓ᵃʳ". */
export const AD_REFERENDUM_MARK = 'ᵃʳ';
/** Added to the mark of an approval conditional on a package [A5]: "HN ✓ᵖ" (settled), "HN ◐ᵖ" (held). */
export const CONDITIONAL_MARK = 'ᵖ';

/** True when the approval is conditional on a package. */
export function isConditional(approval: Pick<ApprovalRecord, 'packageId'> | undefined | null): boolean {
  return typeof approval?.packageId === 'string';
}

type ApprovalState = Pick<ApprovalRecord, 'approvedBy' | 'approvedAt' | 'adReferendum' | 'confirmedBy' | 'confirmedAt' | 'packageId'>;

/** True while the approval awaits the capital's confirmation. */
export function isAdReferendum(approval: Pick<ApprovalRecord, 'adReferendum'> | undefined | null): boolean {
  return approval?.adReferendum === true;
}

export function approvalMark(status: ApprovalStatus, approval: Pick<ApprovalRecord, 'adReferendum' | 'packageId'> | undefined): string {
  if (status === 'not_approved') return STATUS_MARK[status];
  return `${STATUS_MARK[status]}${isAdReferendum(approval) ? AD_REFERENDUM_MARK : ''}${isConditional(approval) ? CONDITIONAL_MARK : ''}`;
}

/** The class a badge or a matrix cell adds for an approval awaiting the capital. */
export function adReferendumClass(status: ApprovalStatus, approval: Pick<ApprovalRecord, 'adReferendum' | 'packageId'> | undefined): string {
  if (status === 'not_approved') return '';
  return `${isAdReferendum(approval) ? ' is-ad-referendum' : ''}${isConditional(approval) ? ' is-conditional' : ''}`;
}

/** What a conditional approval's name adds [A5]: its package, and while held the clauses missing ("Article 12"). */
export interface PackageContext {
  /** The package's name, when known. */
  packageName?: string;
  /** Labels of the clauses its Participant has not approved, when held. */
  missing?: readonly string[];
}

/**
 * "approved ad referendum by José Ixcot on 7 Dec 2026, 15:20, awaiting confirmation by the capital",
 * "approved by …, …; confirmed for the capital by …, …", with "; the text changed since" when outdated.
 */
export function approvalDetail(t: TFunction, status: ApprovalStatus, approval: ApprovalState | undefined, lang: string, pkg: PackageContext = {}): string {
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
  if (isConditional(approval as Pick<ApprovalRecord, 'packageId'>) && pkg.packageName)
    parts.push(t('approvals:badge.conditionalOn', { name: pkg.packageName }));
  if (status === 'held') {
    const list = new Intl.ListFormat(lang, { type: 'conjunction' }).format(pkg.missing ?? []);
    parts.push(list ? t('approvals:badge.heldMissing', { clauses: list }) : t('approvals:badge.heldUnknown'));
  }
  if (status === 'outdated') parts.push(t('approvals:badge.textChanged'));
  return parts.join('; ');
}

/** The status as a word: "Approved ad referendum" for an approval awaiting the capital. */
export function statusWord(t: TFunction, status: ApprovalStatus, approval: Pick<ApprovalRecord, 'adReferendum' | 'packageId'> | undefined): string {
  if (status === 'approved' && isAdReferendum(approval)) return t('approvals:status.approved_ad_referendum');
  if (status === 'approved' && isConditional(approval)) return t('approvals:status.approved_conditional');
  return t(`approvals:status.${status}`);
}
