/** Change my password: the current one, the new one twice, the rules shown as I type. Ends my other sessions. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/security';
import { useSession } from '../app/session';
import { useErrorMessage } from '../app/error-message';
import { useToasts } from '../components/toasts';
import { usePasswordProblem } from './password-check';
import { NewPasswordFields } from './new-password-fields';

export function PasswordChangeSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const owner = { email: user?.email ?? '', displayName: user?.displayName ?? '' };
  const { problem } = usePasswordProblem(next, owner);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (problem) {
      setError(t(`security:problems.${problem}`));
      return;
    }
    if (next !== confirm) {
      setError(t('security:password.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { ended } = await changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      toasts.show({ message: t('security:password.changed', { count: ended }) });
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="security-password-heading">
      <h2 id="security-password-heading">{t('security:password.heading')}</h2>
      <p className="lead">{t('security:password.intro')}</p>
      <form onSubmit={submit} className="security-password-form">
        {/* For password managers: which account this is. */}
        <input type="email" hidden readOnly autoComplete="username" value={owner.email} />
        <div className="field">
          <label htmlFor="security-current-password">{t('security:password.current')}</label>
          <input
            id="security-current-password"
            type="password"
            required
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <NewPasswordFields idPrefix="security-new" password={next} confirm={confirm} owner={owner} onPassword={setNext} onConfirm={setConfirm} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('security:password.submit')}
        </button>
      </form>
    </section>
  );
}
