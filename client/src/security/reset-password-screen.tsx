/** /reset-password/<token>: choose a new password with a single-use link, then sign in with it. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordResetPreview } from '../../../shared/src/api/security';
import { getPasswordReset, spendPasswordReset } from '../api/security';
import { formatDateTime } from '../app/format';
import { Link, paths } from '../app/router';
import { useSession } from '../app/session';
import { useErrorMessage } from '../app/error-message';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { usePasswordProblem } from './password-check';
import { NewPasswordFields } from './new-password-fields';

export function ResetPasswordScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const errorMessage = useErrorMessage();
  const [reset, setReset] = useState<PasswordResetPreview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const owner = { email: reset?.email ?? '', displayName: reset?.displayName ?? '' };
  const { problem } = usePasswordProblem(password, owner);

  useEffect(() => {
    let cancelled = false;
    getPasswordReset(token).then(
      (answer) => !cancelled && setReset(answer.reset),
      (failure: unknown) => !cancelled && setLoadError(failure),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (problem) return setError(t(`security:problems.${problem}`));
    if (password !== confirm) return setError(t('security:password.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await spendPasswordReset(token, password);
      setDone(true);
      // Every session of the account ended, this browser's too if it had one.
      if (session.user) session.ended();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main id="main" className="page page-narrow">
        {loadError ? (
          <ScreenError error={loadError} />
        ) : !reset ? (
          <Loading />
        ) : done ? (
          <div className="card auth-card">
            <h1>{t('security:reset.title')}</h1>
            <p className="notice" role="status">
              {t('security:reset.done')}
            </p>
            <Link href={paths.signin()} className="button button-primary">
              {t('security:reset.toSignIn')}
            </Link>
          </div>
        ) : (
          <div className="card auth-card">
            <h1>{t('security:reset.title')}</h1>
            <p className="lead">{t('security:reset.intro', { name: reset.displayName, email: reset.email, expires: formatDateTime(reset.expiresAt) })}</p>
            <form onSubmit={submit}>
              <input type="email" hidden readOnly autoComplete="username" value={reset.email} />
              <NewPasswordFields idPrefix="reset" password={password} confirm={confirm} owner={owner} onPassword={setPassword} onConfirm={setConfirm} />
              {error && (
                <p className="form-error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit" className="button button-primary button-block" disabled={busy}>
                {t('security:reset.submit')}
              </button>
            </form>
          </div>
        )}
      </main>
    </>
  );
}
