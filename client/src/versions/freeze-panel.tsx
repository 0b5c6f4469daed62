/**
 * Freezing the text: what still stands in the way is listed before the button is pressed (the button
 * stays disabled until nothing does); pressing it asks once more, then freezes. A refusal (someone
 * edited meanwhile) shows the new list. The list is read again when an approval or a confirmation
 * arrives, or what `changes` follows rests (version-stores.ts), so the button enables itself when the
 * last approval arrives.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime } from '../app/format';
import { ApiError } from '../api/http';
import type { Subscribe } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';
import { freezeText } from './versions-api';
import { freezeStatusStore } from './version-stores';
import { BlockerList } from './blocker-list';
import type { VersionSummary } from '../../../shared/src/api/versions';

export interface FreezePanelProps {
  documentId: string;
  /** The policy's 'document.freeze' for this person on this document. */
  mayFreeze: boolean;
  onFrozen?(version: VersionSummary): void;
  announce?(message: string): void;
  /**
   * Tells when what the blockers derive from may have changed — the approvals store's `subscribe`: its
   * records and the text. Must keep its identity (the store is made again when it changes).
   */
  changes?: Subscribe;
}

export function FreezePanel({ documentId, mayFreeze, onFrozen, announce, changes }: FreezePanelProps) {
  const { t } = useTranslation('versions');
  const errorMessage = useErrorMessage();
  const store = useMemo(() => freezeStatusStore(documentId, changes), [documentId, changes]);
  const live = useLive(store);
  const status = live.value;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const titleId = useId();

  const freeze = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { version } = await freezeText(documentId);
      const text = t('freeze.frozen', { fingerprint: version.fingerprint });
      setMessage(text);
      announce?.(text);
      onFrozen?.(version);
    } catch (caught) {
      setMessage(caught instanceof ApiError && caught.code === 'freeze_blocked' ? t('freeze.refused') : errorMessage(caught));
    } finally {
      setBusy(false);
      setConfirming(false);
      void live.reload();
    }
  };

  return (
    <section className="freeze-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('freeze.title')}</h2>
      <p className="versions-hint">{t('freeze.explain')}</p>
      {live.status === 'loading' && <p role="status">…</p>}
      {live.status === 'error' && <p role="alert">{errorMessage(live.error)}</p>}
      {status?.frozenVersion && (
        <p className="freeze-done">
          {t('freeze.alreadyFrozen', { date: formatDateTime(status.frozenVersion.takenAt) })} <code>{status.frozenVersion.fingerprint}</code>
        </p>
      )}
      {status && !status.frozenVersion && (
        <>
          <p role="status" id={`${titleId}-status`} className={status.ready ? 'freeze-ready' : 'freeze-not-ready'}>
            {status.ready ? t('freeze.ready') : t('freeze.notReady', { count: status.blockers.length })}
          </p>
          {!status.ready && <BlockerList status={status} labelledBy={`${titleId}-status`} />}
          {mayFreeze && !confirming && (
            <button type="button" className="button button-primary" disabled={!status.ready || busy} onClick={() => setConfirming(true)}>
              {t('freeze.button')}
            </button>
          )}
          {mayFreeze && confirming && (
            <div className="freeze-confirm" role="group" aria-label={t('freeze.confirm')}>
              <p>{t('freeze.confirm')}</p>
              <button type="button" className="button button-primary" disabled={busy} onClick={freeze}>
                {busy ? t('freeze.freezing') : t('freeze.confirmButton')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                {t('freeze.cancel')}
              </button>
            </div>
          )}
        </>
      )}
      {message && (
        <p role="alert" className="freeze-message">
          {message}
        </p>
      )}
    </section>
  );
}
