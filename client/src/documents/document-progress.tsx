/** A negotiation's progress in the list: clauses approved by every Participant, open threads, and what changed since my last visit. */
import { useTranslation } from 'react-i18next';
import type { DocumentProgress, SinceLastVisit } from '../../../shared/src/api/documents';
import { formatDateTime, formatNumber } from '../app/format';

export function ApprovedClauses({ progress }: { progress: DocumentProgress }) {
  const { t } = useTranslation();
  const { approvedClauses: approved, totalClauses: total } = progress;
  if (total === 0) return <span className="muted">{t('documents:noText')}</span>;
  const percent = Math.round((approved / total) * 100);
  return (
    <span className="approved-clauses" title={t('documents:approvedExplained')}>
      <span>{t('documents:approvedClauses', { count: total, approved: formatNumber(approved), total: formatNumber(total) })}</span>
      <span className="progress-track" aria-hidden="true">
        <span className={`progress-fill${approved === total ? ' complete' : ''}`} style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}

export function OpenThreads({ progress }: { progress: DocumentProgress }) {
  const { t } = useTranslation();
  const open = progress.openThreads;
  if (open === 0) return <span className="muted">{t('documents:noOpenThreads')}</span>;
  return <span>{t('documents:openThreads', { count: open, number: formatNumber(open) })}</span>;
}

/** "Since your last visit (3 Dec 2026, 10:02): 2 people edited · 3 new comments, 1 mentions you · …". */
export function SinceLastVisitLine({ since }: { since: SinceLastVisit | null }) {
  const { t } = useTranslation();
  if (!since) return <p className="document-card-since muted">{t('documents:since.never')}</p>;
  const parts = [
    since.editors > 0 && t('documents:since.editors', { count: since.editors, number: formatNumber(since.editors) }),
    since.comments > 0 && t('documents:since.comments', { count: since.comments, number: formatNumber(since.comments) }),
    since.mentions > 0 && t('documents:since.mentions', { count: since.mentions, number: formatNumber(since.mentions) }),
    since.approvals > 0 && t('documents:since.approvals', { count: since.approvals, number: formatNumber(since.approvals) }),
    since.proposals > 0 && t('documents:since.proposals', { count: since.proposals, number: formatNumber(since.proposals) }),
    since.versions > 0 && t('documents:since.versions', { count: since.versions, number: formatNumber(since.versions) }),
  ].filter((part): part is string => typeof part === 'string');
  const when = formatDateTime(since.visitedAt);
  return (
    <p className={`document-card-since${parts.length ? ' has-news' : ' muted'}`}>
      {parts.length ? t('documents:since.changes', { date: when, changes: parts.join(' · ') }) : t('documents:since.nothing', { date: when })}
    </p>
  );
}
