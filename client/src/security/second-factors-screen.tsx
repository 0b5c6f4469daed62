/** /account/second-factors: the "Second factor" section on a page of its own (the Security page may mount the section too). */
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/app-header';
import { SecondFactorsSection } from './second-factors';

export function SecondFactorsScreen() {
  const { t } = useTranslation('second-factor');
  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        <h1>{t('settings.pageTitle')}</h1>
        <SecondFactorsSection />
      </main>
    </>
  );
}
