/** The signed text: when it was frozen, its fingerprint, and its exports (the user chooses the layout). */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime } from '../app/format';
import { useLive } from '../realtime/use-live';
import { exportUrl } from './versions-api';
import { freezeStatusStore } from './version-stores';
import { EXPORT_FORMATS, EXPORT_LAYOUTS, type ExportLayout } from '../../../shared/src/api/versions';

export function SignedVersionPage({ documentId, onVerify }: { documentId: string; onVerify?(): void }) {
  const { t } = useTranslation('versions');
  const errorMessage = useErrorMessage();
  const status = useLive(useMemo(() => freezeStatusStore(documentId), [documentId]));
  const [layout, setLayout] = useState<ExportLayout>('parallel');
  const id = useId();
  if (status.status === 'error') return <p role="alert">{errorMessage(status.error)}</p>;
  if (!status.value) return <p role="status">…</p>;
  const version = status.value.frozenVersion;
  return (
    <section className="signed-version" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('signed.title')}</h1>
      {!version && <p>{t('signed.notFrozen')}</p>}
      {version && (
        <>
          <p>{t('signed.frozenAt', { date: formatDateTime(version.takenAt) })}</p>
          <p>
            {t('signed.fingerprint')}: <code className="signed-fingerprint">{version.fingerprint}</code>
          </p>
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
        </>
      )}
    </section>
  );
}
