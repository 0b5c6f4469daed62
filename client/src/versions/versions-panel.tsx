/**
 * The versions of the text, newest first: who took each and when, its fingerprint; the secretariat
 * takes a named version here. Each version opens, compares with the text now, and downloads as a
 * draft (PDF or Word, with the proposals it held); the frozen version links to the signed page, whose
 * exports are the text. Opening and comparing are the caller's (the workspace routes them). Three
 * columns, the actions stacked: the table fits the side panel (20–27rem) in every language.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime } from '../app/format';
import { Link, paths } from '../app/router';
import { DownloadMenu } from '../print';
import { useLive } from '../realtime/use-live';
import { takeVersion } from './versions-api';
import { versionsStore, versionTaken } from './version-stores';
import { versionTitle } from './version-title';

export interface VersionsPanelProps {
  documentId: string;
  /** The policy's 'version.create' for this person on this document. */
  mayTakeVersion: boolean;
  onOpen(versionId: string): void;
  onCompare(fromVersionId: string, to: string | 'current'): void;
  announce?(message: string): void;
}

export function VersionsPanel({ documentId, mayTakeVersion, onOpen, onCompare, announce }: VersionsPanelProps) {
  const { t } = useTranslation('versions');
  const errorMessage = useErrorMessage();
  const store = useMemo(() => versionsStore(documentId), [documentId]);
  const versions = useLive(store);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const nameId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const { version } = await takeVersion(documentId, name.trim());
      announce?.(t('take.taken', { name: version.name }));
      setName('');
      store.apply(versionTaken(version));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="versions-panel" aria-labelledby={`${nameId}-title`}>
      <h2 id={`${nameId}-title`}>{t('title')}</h2>
      {mayTakeVersion && (
        <form className="versions-take" onSubmit={submit}>
          <label htmlFor={nameId}>{t('take.label')}</label>
          <input
            id={nameId}
            value={name}
            maxLength={200}
            placeholder={t('take.placeholder')}
            onChange={(event) => setName(event.target.value)}
            aria-describedby={`${nameId}-hint`}
          />
          <button type="submit" className="button button-primary" disabled={busy || !name.trim()}>
            {busy ? t('take.submitting') : t('take.submit')}
          </button>
          <p id={`${nameId}-hint`} className="versions-hint">
            {t('take.hint')}
          </p>
          {error && (
            <p role="alert" className="versions-error">
              {error}
            </p>
          )}
        </form>
      )}
      {versions.status === 'error' && <p role="alert">{errorMessage(versions.error)}</p>}
      {versions.status === 'ready' && versions.versions.length === 0 && <p>{t('list.empty')}</p>}
      {versions.status === 'ready' && versions.versions.length > 0 && (
        <table className="versions-table">
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">
                {t('list.takenAt')} · {t('list.takenBy')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('list.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.versions.map((version) => (
              <tr key={version.id} className={`version-${version.kind}`}>
                <th scope="row">
                  {versionTitle(t, version)}
                  <br />
                  <span className="versions-kind">{t(`kind.${version.kind}`)}</span>
                </th>
                <td className="versions-taken">
                  <span>{formatDateTime(version.takenAt)}</span>
                  <span>{version.takenBy ? version.takenBy.displayName : t('list.byServer')}</span>
                  <span>
                    <span className="visually-hidden">{t('list.fingerprint')} </span>
                    <code title={version.fingerprint}>{version.fingerprint.slice(0, 12)}…</code>
                  </span>
                </td>
                <td className="versions-actions">
                  <button type="button" className="button button-small" onClick={() => onOpen(version.id)}>
                    {t('list.open')}
                  </button>
                  <button type="button" className="button button-small" onClick={() => onCompare(version.id, 'current')}>
                    {t('list.compareNow')}
                  </button>
                  {version.kind === 'frozen' ? (
                    <Link href={paths.signed(documentId)} className="button button-small">
                      {t('print:download.signedLinkVersion')}
                    </Link>
                  ) : (
                    <DownloadMenu
                      documentId={documentId}
                      versionId={version.id}
                      label={t('print:download.versionMenuLabel', { name: versionTitle(t, version) })}
                      onError={setDownloadError}
                      small
                      align="end"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {downloadError && (
        <p role="alert" className="versions-error">
          {downloadError}
        </p>
      )}
    </section>
  );
}
