/**
 * Freezing the text: what still stands in the way is listed before the button is pressed (the button
 * stays disabled until nothing does); pressing it asks once more, then freezes. A refusal (someone
 * edited meanwhile) shows the new list. The list is read again whenever `revision` changes and rests,
 * so the button enables itself when the last approval arrives.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format';
import { ApiError } from '../api/http';
import { fetchFreezeStatus, freezeText } from './versions-api';
import { useLoad } from './use-load';
import { BlockerList } from './blocker-list';
import { useRevisionRest } from './use-revision-rest';
import type { VersionSummary } from '../../../shared/src/versions/version-api';

export interface FreezePanelProps {
  documentId: string;
  /** The policy's 'document.freeze' for this person on this document. */
  mayFreeze: boolean;
  onFrozen?(version: VersionSummary): void;
  announce?(message: string): void;
  /** Changes whenever what the blockers derive from may have changed: an approval, a confirmation, the text. */
  revision?: unknown;
}

/** How long `revision` must rest before the blockers are read again (typing changes it on every key). */
const RELOAD_AFTER_MS = 800;

export function FreezePanel({ documentId, mayFreeze, onFrozen, announce, revision }: FreezePanelProps) {
  const { t } = useTranslation('versions');
  const status = useLoad(`freeze:${documentId}`, (signal) => fetchFreezeStatus(documentId, signal));
  useRevisionRest(revision, RELOAD_AFTER_MS, () => status.reload());
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
      setMessage(caught instanceof ApiError && caught.code === 'freeze_blocked' ? t('freeze.refused') : (caught as Error).message);
    } finally {
      setBusy(false);
      setConfirming(false);
      status.reload();
    }
  };

  return (
    <section className="freeze-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('freeze.title')}</h2>
      <p className="versions-hint">{t('freeze.explain')}</p>
      {status.status === 'loading' && <p role="status">…</p>}
      {status.status === 'error' && <p role="alert">{status.error.message}</p>}
      {status.status === 'ready' && status.value.frozenVersion && (
        <p className="freeze-done">{t('freeze.alreadyFrozen', { date: formatDateTime(status.value.frozenVersion.takenAt) })} <code>{status.value.frozenVersion.fingerprint}</code></p>
      )}
      {status.status === 'ready' && !status.value.frozenVersion && (
        <>
          <p role="status" id={`${titleId}-status`} className={status.value.ready ? 'freeze-ready' : 'freeze-not-ready'}>
            {status.value.ready ? t('freeze.ready') : t('freeze.notReady', { count: status.value.blockers.length })}
          </p>
          {!status.value.ready && <BlockerList status={status.value} labelledBy={`${titleId}-status`} />}
          {mayFreeze && !confirming && (
            <button type="button" className="button button-primary" disabled={!status.value.ready || busy} onClick={() => setConfirming(true)}>{t('freeze.button')}</button>
          )}
          {mayFreeze && confirming && (
            <div className="freeze-confirm" role="group" aria-label={t('freeze.confirm')}>
              <p>{t('freeze.confirm')}</p>
              <button type="button" className="button button-primary" disabled={busy} onClick={freeze}>{busy ? t('freeze.freezing') : t('freeze.confirmButton')}</button>
              <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>{t('freeze.cancel')}</button>
            </div>
          )}
        </>
      )}
      {message && <p role="alert" className="freeze-message">{message}</p>}
    </section>
  );
}
