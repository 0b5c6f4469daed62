/** The app shell: who is signed in decides which screens are reachable. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { matchRoute, navigate, nextFromLocation, paths, useLocation } from './router';
import { SessionProvider, useSession } from './session';
import { RealtimeProvider } from '../realtime/realtime';
import { ToastProvider } from '../components/toasts';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { SignInScreen } from '../screens/sign-in-screen';
import { DocumentsScreen } from '../screens/documents-screen';
import { WorkspaceScreen } from '../screens/workspace-screen';
import { MembersScreen } from '../screens/members-screen';
import { InvitationScreen } from '../screens/invitation-screen';
import { NotFoundScreen } from '../screens/not-found-screen';
import { NewNegotiationScreen } from '../screens/new-negotiation-screen';
import { ImportScreen } from '../screens/import-screen';
import { SignedScreen } from '../screens/signed-screen';
import { VerifyScreen } from '../screens/verify-screen';
import { useRecordVisit } from '../documents/record-visit';
import { AdministrationScreen } from '../screens/administration-screen';
import { SecurityPage } from '../security/security-page';
import { ResetPasswordScreen } from '../security/reset-password-screen';
import { SecondFactorsScreen } from '../security/second-factors-screen';

export function App() {
  return (
    <SessionProvider>
      <ToastProvider>
        <Shell />
      </ToastProvider>
    </SessionProvider>
  );
}

function Shell() {
  const session = useSession();
  const location = useLocation();
  const route = matchRoute(location);
  const { state } = session;
  // Everything but signing in, accepting an invitation and checking a file needs a session.
  const needsSession = !['signin', 'invitation', 'resetPassword', 'verify', 'notFound'].includes(route.name);

  useEffect(() => {
    if (state.status === 'signedOut' && needsSession) navigate(paths.signin(location), { replace: true });
    if (state.status === 'signedIn' && route.name === 'signin') navigate(nextFromLocation(location), { replace: true });
  }, [state.status, needsSession, route.name, location]);

  return (
    <RealtimeProvider active={state.status === 'signedIn'} onSessionEnded={session.ended}>
      <Screen />
    </RealtimeProvider>
  );
}

function Screen() {
  const { t } = useTranslation();
  const session = useSession();
  const route = matchRoute(useLocation());
  const { state } = session;

  if (route.name === 'invitation') return <InvitationScreen token={route.token} />;
  if (route.name === 'resetPassword') return <ResetPasswordScreen token={route.token} />;
  if (route.name === 'verify' && state.status !== 'loading') return <VerifyScreen />;
  if (state.status === 'loading')
    return (
      <>
        <AppHeader />
        <main id="main" className="page">
          <Loading />
        </main>
      </>
    );
  if (state.status === 'unreachable') {
    return (
      <>
        <AppHeader />
        <main id="main" className="page">
          <ScreenError error={state.error} onRetry={session.retry} />
        </main>
      </>
    );
  }
  if (route.name === 'notFound') return <NotFoundScreen />;
  if (state.status === 'signedOut' || route.name === 'signin') {
    return state.status === 'signedIn' ? (
      <>
        <AppHeader />
        <main id="main" className="page">
          <Loading label={t('auth:signingIn')} />
        </main>
      </>
    ) : (
      <SignInScreen />
    );
  }
  switch (route.name) {
    case 'documents':
      return <DocumentsScreen />;
    case 'workspace':
      return <Workspace key={route.documentId} documentId={route.documentId} />;
    case 'members':
      return <MembersScreen key={route.documentId} documentId={route.documentId} />;
    case 'newDocument':
      return <NewNegotiationScreen />;
    case 'import':
      return <ImportScreen key={route.documentId} documentId={route.documentId} />;
    case 'signed':
      return <SignedScreen key={route.documentId} documentId={route.documentId} />;
    case 'administration':
      return <AdministrationScreen />;
    case 'security':
      return <SecurityPage />;
    case 'secondFactors':
      return <SecondFactorsScreen />;
    default:
      return <NotFoundScreen />;
  }
}

/** The workspace of one negotiation, my visit recorded while it is open ("since my last visit" in the list). */
function Workspace({ documentId }: { documentId: string }) {
  useRecordVisit(documentId);
  return <WorkspaceScreen documentId={documentId} />;
}
