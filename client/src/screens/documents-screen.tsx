/** "My negotiations": every document the person is a member of, with its status and their role. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listDocuments } from '../api/documents';
import type { DocumentSummary } from '../api/types';
import { formatDateTime, languageTitle, localized } from '../app/format';
import { Link, paths } from '../app/router';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';

export function DocumentsScreen() {
  const { t, i18n } = useTranslation();
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    listDocuments().then(
      (answer) => { if (!cancelled) setDocuments(answer.documents); },
      (failure: unknown) => { if (!cancelled) setError(failure); },
    );
    return () => { cancelled = true; };
  }, [attempt]);

  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        <h1>{t('documents:title')}</h1>
        {error ? <ScreenError error={error} onRetry={() => setAttempt((n) => n + 1)} />
          : !documents ? <Loading />
            : documents.length === 0 ? <p className="empty">{t('documents:empty')}</p>
              : (
                <ul className="document-list">
                  {documents.map((doc) => (
                    <li key={doc.id} className="document-card">
                      <div className="document-card-main">
                        <h2 className="document-card-title">
                          <Link href={paths.workspace(doc.id)}>{localized(doc.title, i18n.resolvedLanguage)}</Link>
                        </h2>
                        <p className="document-card-meta">
                          {t('documents:languages', { languages: doc.languages.map((code) => languageTitle(code)).join(' · ') })}
                          {' · '}
                          {t('documents:updated', { date: formatDateTime(doc.updatedAt) })}
                        </p>
                      </div>
                      <dl className="document-card-facts">
                        <div>
                          <dt>{t('documents:status')}</dt>
                          <dd><span className={`status-chip status-${doc.status}`}>{t(`common:status.${doc.status}`, { defaultValue: doc.status })}</span></dd>
                        </div>
                        <div>
                          <dt>{t('documents:myRole')}</dt>
                          <dd>{doc.myRole ? t(`common:roles.${doc.myRole}`) : t('documents:noRole')}</dd>
                        </div>
                      </dl>
                      {doc.myRole === 'secretariat' && (
                        <Link href={paths.members(doc.id)} className="button">{t('documents:manageMembers')}</Link>
                      )}
                    </li>
                  ))}
                </ul>
              )}
      </main>
    </>
  );
}
