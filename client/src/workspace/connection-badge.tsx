/** Always-visible connection state: connected, connecting, reconnecting, offline; my unsaved changes; and read-only. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabState } from '../collab/collab-session';
import { formatNumber } from '../app/format';
import { LockIcon } from '../components/icons';
import './connection-badge.css';

/** While connected, a change is usually confirmed within a moment: say it is unsaved only when it stays so. */
const UNSAVED_GRACE_MS = 2_000;

export function ConnectionBadge({ state }: { state: CollabState }) {
  const { t } = useTranslation();
  const status = state.status === 'connected' && !state.synced ? 'connecting' : state.status;
  const unsaved = useLingeringUnsaved(state.unsaved, status === 'connected');
  return (
    <>
      <span
        className={`connection connection-${status}`}
        role="status"
        aria-live="polite"
        title={t(`workspace:connection.${status}Hint`)}
        data-unsaved={state.unsaved}
      >
        <span className="connection-dot" aria-hidden="true" />
        {t(`workspace:connection.${status}`)}
      </span>
      {unsaved > 0 && (
        <span className="unsaved-badge" title={t('workspace:unsaved.hint')}>
          {t('workspace:unsaved.count', { count: unsaved, formatted: formatNumber(unsaved) })}
        </span>
      )}
    </>
  );
}

/** The number of unsaved changes to show: at once when not connected, after a grace period when connected. */
function useLingeringUnsaved(unsaved: number, connected: boolean): number {
  const [outlasted, setOutlasted] = useState(false);
  const pending = unsaved > 0;
  useEffect(() => {
    if (!pending || !connected) return;
    const timer = setTimeout(() => setOutlasted(true), UNSAVED_GRACE_MS);
    return () => {
      clearTimeout(timer);
      setOutlasted(false);
    };
  }, [pending, connected]);
  return pending && (outlasted || !connected) ? unsaved : 0;
}

export function ReadOnlyBadge({ reason }: { reason: 'role' | 'server' }) {
  const { t } = useTranslation();
  return (
    <span className="readonly-badge" title={t(`workspace:readOnly.${reason}Hint`)}>
      <LockIcon />
      {t('workspace:readOnly.label')}
    </span>
  );
}
