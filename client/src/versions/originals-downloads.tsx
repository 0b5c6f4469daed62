/**
 * The originals of the signed text under the alternat (issue 16): one per Participant, each naming
 * that Participant first and putting its signature block first, in PDF and Word, in the chosen layout.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../app/format';
import { originalExportUrl } from './signatures-api';
import type { ExportLayout } from '../../../shared/src/api/versions';
import type { VersionRecord } from '../../../shared/src/versions/version-record';

const ORIGINAL_FORMATS = ['pdf', 'docx'] as const;

export function OriginalsDownloads({ documentId, record, layout }: { documentId: string; record: VersionRecord; layout: ExportLayout }) {
  const { t } = useTranslation('signature');
  const id = useId();
  return (
    <section className="signed-originals-downloads" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('page.originals.title')}</h2>
      <p className="versions-hint">{t('page.originals.explain')}</p>
      <ul className="signed-original-list">
        {record.participants.map((participant) => (
          <li key={participant.id} data-participant={participant.code}>
            <span>{t('page.originals.originalFor', { participant: localized(participant.name) })}</span>{' '}
            {ORIGINAL_FORMATS.map((format) => (
              <a
                key={format}
                className="button"
                href={originalExportUrl(documentId, record.version.id, participant.id, format, layout)}
                download
                aria-label={t('page.originals.download', { participant: localized(participant.name), format: t(`page.originals.format.${format}`) })}
              >
                {t(`page.originals.format.${format}`)}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
