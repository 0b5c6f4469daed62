/** Always-visible connection state: connected, connecting, reconnecting, offline; and read-only. */
import { useTranslation } from 'react-i18next';
import type { CollabState } from '../collab/collab-session';
import { LockIcon } from '../components/icons';

export function ConnectionBadge({ state }: { state: CollabState }) {
  const { t } = useTranslation();
  const status = state.status === 'connected' && !state.synced ? 'connecting' : state.status;
  return (
    <span className={`connection connection-${status}`} role="status" aria-live="polite" title={t(`workspace:connection.${status}Hint`)}>
      <span className="connection-dot" aria-hidden="true" />
      {t(`workspace:connection.${status}`)}
    </span>
  );
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
