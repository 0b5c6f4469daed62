/** Checking an exported file: open to anyone who holds one, signed in or not. */
import { AppHeader } from '../components/app-header';
import { VerifyPage } from '../versions';

export function VerifyScreen() {
  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        <VerifyPage />
      </main>
    </>
  );
}
