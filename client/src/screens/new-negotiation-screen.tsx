/** Starting a negotiation: its titles, languages, Participants and members; it then opens in the workspace. */
import { navigate, paths } from '../app/router';
import { AppHeader } from '../components/app-header';
import { NewNegotiationForm } from '../import';

export function NewNegotiationScreen() {
  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        <NewNegotiationForm onCreated={(documentId) => navigate(paths.workspace(documentId))} onCancel={() => navigate(paths.documents())} />
      </main>
    </>
  );
}
