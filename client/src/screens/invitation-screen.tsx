/** Accepting an invitation: see what it is for, choose a name and a password, and you are in. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptInvitation, getInvitation } from '../api/invitations';
import type { InvitationPreview } from '../../../shared/src/api/invitations';
import { uiLanguage } from '../app/i18n';
import { localized } from '../app/format';
import { navigate, paths } from '../app/router';
import { useSession } from '../app/session';
import { AppHeader } from '../components/app-header';
import { useErrorMessage } from '../app/error-message';
import { Loading, ScreenError } from '../components/status-views';
import { PASSWORD_MIN_LENGTH } from '../../../shared/src/security/password-rules';
import { PasswordCheck } from '../security/password-check';
import { SecondFactorStep } from '../security/second-factor-step';
import type { SecondFactorPending } from '../../../shared/src/api/second-factors';

/** The server's rule for a new account's password (shared/src/security/password-rules.ts). */
const MIN_PASSWORD = PASSWORD_MIN_LENGTH;

export function InvitationScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const errorMessage = useErrorMessage();
  const [invitation, setInvitation] = useState<InvitationPreview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<(SecondFactorPending['secondFactor'] & { documentId: string }) | null>(null);

  useEffect(() => {
    let cancelled = false;
    getInvitation(token).then(
      (answer) => {
        if (!cancelled) setInvitation(answer.invitation);
      },
      (failure: unknown) => {
        if (!cancelled) setLoadError(failure);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const existing = invitation?.existingAccount === true;
    if (!existing && password.length < MIN_PASSWORD) {
      setError(t('invitations:passwordTooShort', { min: MIN_PASSWORD }));
      return;
    }
    if (!existing && password !== confirm) {
      setError(t('invitations:passwordsDiffer'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // An existing account keeps its name; the field is required by the API but only used for new accounts.
      const name = existing ? (invitation?.email.split('@')[0] ?? '') : displayName.trim();
      const accepted = await acceptInvitation(token, { displayName: name, password, uiLanguage: uiLanguage() });
      if ('secondFactor' in accepted) {
        // Joined; the account's second factor opens the session (client/src/security/second-factor-step.tsx).
        setPending({ ...accepted.secondFactor, documentId: accepted.documentId });
        setBusy(false);
        return;
      }
      session.adopt(accepted);
      navigate(paths.workspace(accepted.documentId), { replace: true }); // straight into the negotiation just joined
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main id="main" className="page page-narrow">
        {loadError ? (
          <ScreenError error={loadError} />
        ) : !invitation ? (
          <Loading />
        ) : (
          <div className="card auth-card" hidden={pending !== null}>
            <h1>{t('invitations:title')}</h1>
            <p className="lead">
              {invitation.participant
                ? t('invitations:introWithParticipant', {
                    title: localized(invitation.documentTitle),
                    role: t(`common:roles.${invitation.role}`),
                    participant: localized(invitation.participant.name),
                  })
                : t('invitations:intro', { title: localized(invitation.documentTitle), role: t(`common:roles.${invitation.role}`) })}
            </p>
            <form onSubmit={submit}>
              <div className="field">
                <label htmlFor="invite-email">{t('auth:fields.email')}</label>
                <input id="invite-email" type="email" value={invitation.email} readOnly autoComplete="username" />
              </div>
              {invitation.existingAccount ? (
                <>
                  <p className="notice">{t('invitations:existingAccount')}</p>
                  <div className="field">
                    <label htmlFor="invite-password">{t('invitations:currentPassword')}</label>
                    <input
                      id="invite-password"
                      type="password"
                      required
                      autoComplete="current-password"
                      value={password}
                      onChange={(event) => setPassword(event.target.value)}
                    />
                  </div>
                </>
              ) : (
                <>
                  <div className="field">
                    <label htmlFor="invite-name">{t('invitations:displayName')}</label>
                    <input
                      id="invite-name"
                      required
                      maxLength={200}
                      autoComplete="name"
                      value={displayName}
                      onChange={(event) => setDisplayName(event.target.value)}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="invite-password">{t('invitations:password')}</label>
                    <input
                      id="invite-password"
                      type="password"
                      required
                      autoComplete="new-password"
                      value={password}
                      aria-describedby="invite-password-hint"
                      onChange={(event) => setPassword(event.target.value)}
                    />
                    <p className="hint" id="invite-password-hint">
                      {t('invitations:passwordHint', { min: MIN_PASSWORD })}
                    </p>
                    <PasswordCheck id="invite-password-check" password={password} owner={{ email: invitation.email, displayName }} />
                  </div>
                  <div className="field">
                    <label htmlFor="invite-confirm">{t('invitations:confirmPassword')}</label>
                    <input
                      id="invite-confirm"
                      type="password"
                      required
                      autoComplete="new-password"
                      value={confirm}
                      onChange={(event) => setConfirm(event.target.value)}
                    />
                  </div>
                </>
              )}
              {error && (
                <p className="form-error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit" className="button button-primary button-block" disabled={busy}>
                {busy ? t('invitations:accepting') : t('invitations:accept')}
              </button>
            </form>
          </div>
        )}
        {pending && (
          <div className="card auth-card">
            <SecondFactorStep
              pending={pending}
              onSignedIn={() => navigate(paths.workspace(pending.documentId), { replace: true })}
              onStartOver={() => navigate(paths.signin(paths.workspace(pending.documentId)), { replace: true })}
            />
          </div>
        )}
      </main>
    </>
  );
}
