/** Administration of the platform (administrators only): for now, the identity providers of the ministries. */
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/app-header';
import { ScreenError } from '../components/status-views';
import { ApiError } from '../api/http';
import { useSession } from '../app/session';
import { IdentityProvidersSection } from '../admin/identity-providers-section';

export function AdministrationScreen() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        {session.user?.isAdmin ? (
          <>
            <h1>{t('identity:admin.screenTitle')}</h1>
            <IdentityProvidersSection />
          </>
        ) : (
          <ScreenError error={new ApiError(403, 'forbidden', t('identity:admin.notAllowed'))} />
        )}
      </main>
    </>
  );
}
