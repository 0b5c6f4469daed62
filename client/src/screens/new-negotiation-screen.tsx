/**
 * Starting a negotiation: its titles, languages, Participants and members; it then opens in the
 * workspace. Only those the server lets create one see the form; anyone else is told so, rather
 * than filling in a form that would be refused.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listDocuments } from '../api/documents';
import { ApiError } from '../api/http';
import type { DocumentSummary } from '../api/types';
import { navigate, paths } from '../app/router';
import { useSession } from '../app/session';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { mayCreateNegotiation } from '../documents/document-permissions';
import { NewNegotiationForm } from '../import';

export function NewNegotiationScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  // Whether I may start one follows from my roles in the negotiations I am a member of.
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
        {error ? <ScreenError error={error} onRetry={() => setAttempt((n) => n + 1)} />
          : !documents || !user ? <Loading />
            : !mayCreateNegotiation(user, documents) ? <ScreenError error={new ApiError(403, 'forbidden', t('import:newNegotiation.notAllowed'))} />
              : <NewNegotiationForm onCreated={(documentId) => navigate(paths.workspace(documentId))} onCancel={() => navigate(paths.documents())} />}
      </main>
    </>
  );
}
