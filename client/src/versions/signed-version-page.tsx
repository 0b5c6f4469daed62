/**
 * The signed text: when it was frozen, its fingerprint, its signatories and statement of originals,
 * its initialling by each Participant, and its exports — the signed text and each Participant's
 * original (the user chooses the layout). What is attested after the freeze is read again live.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime } from '../app/format';
import { useSession } from '../app/session';
import { resource } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';
import { useDocumentChannel } from '../realtime/realtime';
import { exportUrl, fetchVersion } from './versions-api';
import { freezeStatusStore } from './version-stores';
import { attestationsStore } from './signatures-api';
import { InitiallingSection } from './initialling-section';
import { SignatoriesSection } from './signatories-section';
import { OriginalsDownloads } from './originals-downloads';
import './signature.css';
import { EXPORT_FORMATS, EXPORT_LAYOUTS, type ExportLayout, type VersionSummary } from '../../../shared/src/api/versions';
import type { MyAccess } from '../../../shared/src/api/documents';

export interface SignedVersionPageProps {
  documentId: string;
  /** My place in the document (GET /api/documents/:id): who may initial or record a confirmation. */
  me?: MyAccess;
  onVerify?(): void;
  announce?(message: string): void;
}

export function SignedVersionPage({ documentId, me, onVerify, announce }: SignedVersionPageProps) {
  const { t } = useTranslation('versions');
  const errorMessage = useErrorMessage();
  const status = useLive(useMemo(() => freezeStatusStore(documentId), [documentId]));
  const id = useId();
  if (status.status === 'error') return <p role="alert">{errorMessage(status.error)}</p>;
  if (!status.value) return <p role="status">…</p>;
  const version = status.value.frozenVersion;
  if (!version)
    return (
      <section className="signed-version" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('signed.title')}</h1>
        <p>{t('signed.notFrozen')}</p>
      </section>
    );
  return <SignedPage documentId={documentId} version={version} me={me} onVerify={onVerify} announce={announce} />;
}

/** The signed text's own section, then its originals: the Participants' own downloads stand apart from the signed text's. */
function SignedPage({ documentId, version, me, onVerify, announce }: SignedVersionPageProps & { version: VersionSummary }) {
  const { t } = useTranslation('versions');
  const errorMessage = useErrorMessage();
  const { user } = useSession();
  const [layout, setLayout] = useState<ExportLayout>('parallel');
  const id = useId();
  // In the document's room: initials and confirmations recorded by others arrive while the page is open.
  useDocumentChannel(documentId);
  // The signed record, read once (a version never changes), and what was attested on it since, live.
  const detail = useLive(useMemo(() => resource((signal) => fetchVersion(documentId, version.id, signal), { reconnect: false }), [documentId, version.id]));
  const attestations = useLive(useMemo(() => attestationsStore(documentId), [documentId]));
  const record = detail.value?.record;
  const reload = () => void attestations.reload();
  return (
    <>
      <section className="signed-version" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('signed.title')}</h1>
        <p>{t('signed.frozenAt', { date: formatDateTime(version.takenAt) })}</p>
        <p>
          {t('signed.fingerprint')}: <code className="signed-fingerprint">{version.fingerprint}</code>
        </p>
        {detail.status === 'error' && <p role="alert">{errorMessage(detail.error)}</p>}
        {attestations.status === 'error' && <p role="alert">{errorMessage(attestations.error)}</p>}
        {record && attestations.value && (
          <>
            <SignatoriesSection
              documentId={documentId}
              record={record}
              attestations={attestations.value}
              mayConfirm={me?.permissions.includes('signature.confirm_ad_referendum') ?? false}
              onChanged={reload}
              announce={announce}
            />
            <InitiallingSection
              documentId={documentId}
              record={record}
              fingerprint={version.fingerprint}
              attestations={attestations.value}
              mayInitialFor={me?.permissions.includes('signature.initial') ? me.participantId : null}
              myName={user?.displayName ?? ''}
              onChanged={reload}
              announce={announce}
            />
          </>
        )}
        <fieldset className="signed-layout">
          <legend>{t('signed.layout')}</legend>
          {EXPORT_LAYOUTS.map((value) => (
            <label key={value}>
              <input type="radio" name={`${id}-layout`} value={value} checked={layout === value} onChange={() => setLayout(value)} />{' '}
              {t(value === 'parallel' ? 'signed.layoutParallel' : 'signed.layoutDuplicate')}
            </label>
          ))}
        </fieldset>
        <h2>{t('signed.exports')}</h2>
        <ul className="signed-exports">
          {EXPORT_FORMATS.map((format) => (
            <li key={format}>
              <a className="button" href={exportUrl(documentId, version.id, format, layout)} download>
                {t(`signed.${format}`)}
              </a>
            </li>
          ))}
        </ul>
        {onVerify && (
          <button type="button" className="button" onClick={onVerify}>
            {t('signed.verifyLink')}
          </button>
        )}
      </section>
      {record && <OriginalsDownloads documentId={documentId} record={record} layout={layout} />}
    </>
  );
}
