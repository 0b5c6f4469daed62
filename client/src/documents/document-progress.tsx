/** A negotiation's progress in the list: clauses approved by every Participant, and open threads. */
import { useTranslation } from 'react-i18next';
import type { DocumentProgress } from '../../../shared/src/api/documents';
import { formatNumber } from '../app/format';

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
