/**
 * The first page a signed-out visitor sees: what Concordia is, a way to check a signed agreement, and
 * sign-in with email and password; afterwards go where the person was headed.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { Link, navigate, nextFromLocation, paths, useLocation } from '../app/router';
import { useSession } from '../app/session';
import { AppHeader } from '../components/app-header';
import { useErrorMessage } from '../app/error-message';
import { SingleSignOn } from '../auth/single-sign-on';
import { SecondFactorStep } from '../security/second-factor-step';
import type { SecondFactorPending } from '../../../shared/src/api/second-factors';

const LANDING_POINTS = ['point1', 'point2', 'point3', 'point4'] as const;

export function SignInScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<SecondFactorPending['secondFactor'] | null>(null);
  const notice =
    session.state.status === 'signedOut' && session.state.reason === 'ended'
      ? t('auth:sessionEnded')
      : session.state.status === 'signedOut' && session.state.reason === 'signedOut'
        ? t('auth:signedOut')
        : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const secondFactor = await session.signIn(email.trim(), password);
      if (secondFactor) {
        setPending(secondFactor);
        setPassword('');
        setBusy(false);
        return;
      }
      navigate(nextFromLocation(location), { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError && failure.code === 'invalid_credentials' ? t('auth:invalidCredentials') : errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main id="main" className="page landing">
        <section className="landing-about" aria-label={t('auth:landing.label')}>
          <p className="landing-title">{t('auth:landing.title')}</p>
          <p className="landing-tagline">{t('auth:landing.tagline')}</p>
          <ul className="landing-points">
            {LANDING_POINTS.map((key) => (
              <li key={key}>{t(`auth:landing.${key}`)}</li>
            ))}
          </ul>
          <p>
            <Link href={paths.verify()}>{t('auth:landing.verify')}</Link>
          </p>
        </section>
        {pending && (
          <div className="card auth-card">
            <SecondFactorStep
              pending={pending}
              onSignedIn={() => navigate(nextFromLocation(location), { replace: true })}
              onStartOver={(notice) => {
                setPending(null);
                setError(notice ?? null);
              }}
            />
          </div>
        )}
        <div className="card auth-card" hidden={pending !== null}>
          <h1>{t('auth:signIn.title')}</h1>
          <p className="lead">{t('auth:signIn.intro')}</p>
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          <form onSubmit={submit} noValidate={false}>
            <div className="field">
              <label htmlFor="signin-email">{t('auth:fields.email')}</label>
              <input
                id="signin-email"
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                aria-invalid={error ? true : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="signin-password">{t('auth:fields.password')}</label>
              <input
                id="signin-password"
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={error ? true : undefined}
              />
            </div>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="button button-primary button-block" disabled={busy}>
              {busy ? t('auth:signIn.submitting') : t('auth:signIn.submit')}
            </button>
          </form>
          <SingleSignOn email={email} />
        </div>
      </main>
    </>
  );
}
