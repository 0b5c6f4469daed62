/**
 * Compares two versions, or a version and the text now: pick them, then read the redline — of the
 * agreed texts, or "with proposals" (each side with the open proposals it held, in the sponsors'
 * colours). Compared with the text now, a clause the older version holds and the text no longer does
 * can be restored by those who may change the structure (the server says so: `mayRestore`).
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime } from '../app/format';
import { resource } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';
import { fetchComparison } from './versions-api';
import { versionsStore } from './version-stores';
import { RedlineView } from './redline-view';
import { restoreClause } from './restore-clause';
import { versionTitle } from './version-title';

export interface CompareViewProps {
  documentId: string;
  /** The older version to start from; the newer one defaults to the text now. */
  from: string;
  to?: string | 'current';
}

export function CompareView({ documentId, from: initialFrom, to: initialTo = 'current' }: CompareViewProps) {
  const { t } = useTranslation('versions');
  const errorMessage = useErrorMessage();
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState<string>(initialTo);
  const [withProposals, setWithProposals] = useState(false);
  const fromId = useId();
  const toId = useId();
  const versions = useLive(useMemo(() => versionsStore(documentId), [documentId]));
  // Compared with the text now, the redline is read again after a reconnection (the text may have moved on).
  const store = useMemo(() => resource((signal) => fetchComparison(documentId, from, to, withProposals, signal)), [documentId, from, to, withProposals]);
  const comparison = useLive(store);
  const restore = async (clauseId: string, afterId: string | null) => {
    await restoreClause(documentId, clauseId, afterId);
    await store.reload();
  };
  const list = versions.versions;
  const nameOf = (id: string) => {
    const found = list.find((v) => v.id === id);
    return found ? versionTitle(t, found) : id === 'current' ? t('compare.now') : '…';
  };
  return (
    <section className="versions-compare" aria-labelledby={`${fromId}-title`}>
      <h2 id={`${fromId}-title`}>{t('compare.title', { from: nameOf(from), to: to === 'current' ? t('compare.now') : nameOf(to) })}</h2>
      <div className="versions-compare-pick">
        <label htmlFor={fromId}>{t('compare.from')}</label>
        <select id={fromId} value={from} onChange={(event) => setFrom(event.target.value)}>
          {list.map((v) => (
            <option key={v.id} value={v.id}>
              {versionTitle(t, v)} — {formatDateTime(v.takenAt)}
            </option>
          ))}
        </select>
        <label htmlFor={toId}>{t('compare.to')}</label>
        <select id={toId} value={to} onChange={(event) => setTo(event.target.value)}>
          <option value="current">{t('compare.now')}</option>
          {list.map((v) => (
            <option key={v.id} value={v.id}>
              {versionTitle(t, v)} — {formatDateTime(v.takenAt)}
            </option>
          ))}
        </select>
        <label className="versions-compare-proposals">
          <input type="checkbox" checked={withProposals} onChange={(event) => setWithProposals(event.target.checked)} /> {t('compare.withProposals')}
        </label>
      </div>
      {comparison.status === 'loading' && <p role="status">…</p>}
      {comparison.status === 'error' && <p role="alert">{errorMessage(comparison.error)}</p>}
      {comparison.value && <RedlineView comparison={comparison.value} onRestore={comparison.value.mayRestore ? restore : undefined} />}
    </section>
  );
}
