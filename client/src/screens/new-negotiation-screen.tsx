/**
 * Starting a negotiation: its titles, languages, Participants and members; it then opens in the
 * workspace. Only those the server lets create one see the form; anyone else is told so, rather
 * than filling in a form that would be refused.
 */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { navigate, paths } from '../app/router';
import { useSession } from '../app/session';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { mayCreateNegotiation } from '../documents/document-permissions';
import { useMyNegotiations } from '../documents/use-my-negotiations';
import { NewNegotiationForm } from '../import';

export function NewNegotiationScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { documents, error, reload } = useMyNegotiations();

  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        {error ? (
          <ScreenError error={error} onRetry={() => reload()} />
        ) : !documents || !user ? (
          <Loading />
        ) : !mayCreateNegotiation(user, documents) ? (
          <ScreenError error={new ApiError(403, 'forbidden', t('import:newNegotiation.notAllowed'))} />
        ) : (
          <NewNegotiationForm onCreated={(documentId) => navigate(paths.workspace(documentId))} onCancel={() => navigate(paths.documents())} />
        )}
      </main>
    </>
  );
}
