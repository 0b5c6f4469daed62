/**
 * Setting up an authenticator app without a QR code: the key in groups of four to type, and the
 * otpauth:// link for an app on the same device; it counts once the first code confirms it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmTotpSetup, startTotpSetup } from '../api/second-factors';
import { useErrorMessage } from '../app/error-message';
import type { FactorAdded, TotpSetup as Setup } from '../../../shared/src/api/second-factors';

export function TotpSetup({ onAdded }: { onAdded(answer: FactorAdded): void }) {
  const { t } = useTranslation('second-factor');
  const errorMessage = useErrorMessage();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setSetup(await startTotpSetup());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await confirmTotpSetup(code.trim());
      setSetup(null);
      setCode('');
      onAdded(answer);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  if (!setup) {
    return (
      <>
        <button type="button" className="button" onClick={() => void start()} disabled={busy}>
          {t('settings.totp.start')}
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </>
    );
  }
  return (
    <form className="totp-setup" onSubmit={confirm}>
      <p>{t('settings.totp.instructions')}</p>
      <p>
        <span className="totp-secret-label">{t('settings.totp.secretLabel')}: </span>
        <code className="totp-secret" aria-label={setup.secret}>
          {setup.secretGroups.join(' ')}
        </code>
      </p>
      <p>
        <a href={setup.uri}>{t('settings.totp.openLink')}</a>
      </p>
      <div className="field">
        <label htmlFor="totp-setup-code">{t('settings.totp.codeLabel')}</label>
        <input
          id="totp-setup-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          aria-invalid={error ? true : undefined}
          required
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || code.trim() === ''}>
          {t('settings.totp.confirm')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setSetup(null)}>
          {t('settings.totp.cancel')}
        </button>
      </div>
    </form>
  );
}
