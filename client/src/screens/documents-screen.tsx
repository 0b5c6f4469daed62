/**
 * "My negotiations": every document the person is a member of, with its status, their role and its
 * progress, what they may do with each, and "New negotiation" for those who may start one.
 */
import { useTranslation } from 'react-i18next';
import { Link, paths } from '../app/router';
import { useSession } from '../app/session';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { DocumentCard } from '../documents/document-card';
import { mayCreateNegotiation } from '../documents/document-permissions';
import { useMyNegotiations } from '../documents/use-my-negotiations';

export function DocumentsScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { documents, error, reload } = useMyNegotiations();

  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        <div className="section-heading">
          <h1>{t('documents:title')}</h1>
          {user && documents && mayCreateNegotiation(user, documents) && (
            <Link href={paths.newDocument()} className="button button-primary">
              {t('documents:newNegotiation')}
            </Link>
          )}
        </div>
        {error ? (
          <ScreenError error={error} onRetry={reload} />
        ) : !documents || !user ? (
          <Loading />
        ) : documents.length === 0 ? (
          <p className="empty">{t('documents:empty')}</p>
        ) : (
          <ul className="document-list">
            {documents.map((doc) => (
              <DocumentCard key={doc.id} document={doc} user={user} onArchived={reload} />
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
