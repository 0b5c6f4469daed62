/** One stored version, read-only: every clause with its number, the languages side by side. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime, languageTitle, localized } from '../app/format';
import { resource } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';
import { clauseLabel } from '../workspace/clause-label';
import { fetchVersion } from './versions-api';
import { versionTitle } from './version-title';

export function VersionView({ documentId, versionId, onBack }: { documentId: string; versionId: string; onBack?(): void }) {
  const { t } = useTranslation(['versions', 'workspace']);
  const errorMessage = useErrorMessage();
  // A stored version never changes: nothing to follow, and no need to read it again after a reconnection.
  const detail = useLive(useMemo(() => resource((signal) => fetchVersion(documentId, versionId, signal), { reconnect: false }), [documentId, versionId]));
  if (detail.status === 'error') return <p role="alert">{errorMessage(detail.error)}</p>;
  if (!detail.value) return <p role="status">…</p>;
  const { version, record, plainTexts } = detail.value;
  const languages = record.document.languages;
  return (
    <article className="version-view" aria-readonly="true">
      <header>
        <h2>{t('versions:view.title', { name: versionTitle(t, version) })}</h2>
        <p>
          {localized(record.document.title)} — {formatDateTime(version.takenAt)} — <code>{version.fingerprint}</code>
        </p>
        <p className="versions-hint">{t('versions:view.readOnly')}</p>
        {onBack && (
          <button type="button" className="button" onClick={onBack}>
            {t('versions:view.back')}
          </button>
        )}
      </header>
      <div className="version-clauses" style={{ ['--text-columns' as string]: languages.length }}>
        {languages.map((lang) => (
          <h3 key={lang} className="version-language">
            {languageTitle(lang)}
          </h3>
        ))}
        {record.clauses.map((clause) =>
          languages.map((lang) => (
            <section key={`${clause.id}:${lang}`} className={`version-clause version-${clause.kind}`} lang={lang}>
              {lang === languages[0] && <h4>{clauseLabel(t, clause.kind, clause.number)}</h4>}
              {lang !== languages[0] && <h4 aria-hidden="true">{clauseLabel(t, clause.kind, clause.number)}</h4>}
              {(plainTexts[clause.id]?.[lang] ?? '').split('\n\n').map((paragraph, i) => (
                <p key={i}>{paragraph || t('versions:view.noText')}</p>
              ))}
            </section>
          )),
        )}
      </div>
    </article>
  );
}
