import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/app-header';
import { Link, paths } from '../app/router';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        <div className="screen-status">
          <h1>{t('common:errors.notFoundTitle')}</h1>
          <p>{t('common:errors.notFoundPage')}</p>
          <Link href={paths.documents()} className="button">
            {t('common:actions.backToNegotiations')}
          </Link>
        </div>
      </main>
    </>
  );
}
