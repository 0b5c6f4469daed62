/**
 * The second step of signing in, after the password (the server answered `secondFactor`): a passkey or
 * security key, a code from an authenticator app, or a recovery code. The pending sign-in lives five
 * minutes on the server and is kept only in this component's memory.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { startAuthentication, browserSupportsWebAuthn, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { ApiError } from '../api/http';
import { finishSignIn, passkeySignInOptions } from '../api/second-factors';
import { useSession } from '../app/session';
import { useErrorMessage } from '../app/error-message';
import type { SecondFactorPending } from '../../../shared/src/api/second-factors';

export interface SecondFactorStepProps {
  pending: SecondFactorPending['secondFactor'];
  /** The session is open. */
  onSignedIn(): void;
  /** Back to email and password (the person chose to, or the pending sign-in expired: `notice` says so). */
  onStartOver(notice?: string): void;
}

export function SecondFactorStep({ pending, onSignedIn, onStartOver }: SecondFactorStepProps) {
  const { t } = useTranslation('second-factor');
  const session = useSession();
  const errorMessage = useErrorMessage();
  const hasCodeApp = pending.methods.includes('totp');
  const [mode, setMode] = useState<'totp' | 'recovery'>(hasCodeApp ? 'totp' : 'recovery');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'code' | 'passkey' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canPasskey = pending.methods.includes('passkey') && browserSupportsWebAuthn();

  function failed(failure: unknown, passkey: boolean) {
    setBusy(null);
    if (failure instanceof ApiError) {
      if (failure.code === 'sign_in_pending_invalid') {
        onStartOver(errorMessage(failure));
        return;
      }
      setError(errorMessage(failure));
    } else setError(passkey ? t('step.passkeyCancelled') : errorMessage(failure));
  }

  async function withPasskey() {
    setBusy('passkey');
    setError(null);
    try {
      const { options } = await passkeySignInOptions(pending.pendingToken);
      const response = await startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
      session.adopt(await finishSignIn({ method: 'passkey', pendingToken: pending.pendingToken, response }));
      onSignedIn();
    } catch (failure) {
      failed(failure, true);
    }
  }

  async function withCode(event: FormEvent) {
    event.preventDefault();
    setBusy('code');
    setError(null);
    try {
      session.adopt(await finishSignIn({ method: mode, pendingToken: pending.pendingToken, code: code.trim() }));
      onSignedIn();
    } catch (failure) {
      setCode('');
      failed(failure, false);
    }
  }

  const codeMethods = pending.methods.filter((m) => m !== 'passkey');
  return (
    <div className="second-factor-step">
      <h1>{t('step.title')}</h1>
      <p className="lead">{t('step.intro')}</p>
      {canPasskey && (
        <p>
          <button type="button" className="button button-primary button-block" onClick={() => void withPasskey()} disabled={busy !== null}>
            {busy === 'passkey' ? t('step.waitingForPasskey') : t('step.usePasskey')}
          </button>
        </p>
      )}
      {codeMethods.length > 0 && (
        <form onSubmit={withCode}>
          <div className="field">
            <label htmlFor="second-factor-code">{mode === 'totp' ? t('step.totpLabel') : t('step.recoveryLabel')}</label>
            <input
              id="second-factor-code"
              name="code"
              required
              autoFocus={!canPasskey}
              autoComplete="one-time-code"
              inputMode={mode === 'totp' ? 'numeric' : 'text'}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby="second-factor-code-hint"
            />
            <p className="hint" id="second-factor-code-hint">
              {mode === 'totp' ? t('step.totpHint') : t('step.recoveryHint')}
            </p>
          </div>
          <button type="submit" className="button button-block" disabled={busy !== null || code.trim() === ''}>
            {busy === 'code' ? t('step.submitting') : t('step.submit')}
          </button>
          {hasCodeApp && pending.methods.includes('recovery') && (
            <button
              type="button"
              className="button button-quiet button-block"
              onClick={() => {
                setMode(mode === 'totp' ? 'recovery' : 'totp');
                setCode('');
                setError(null);
              }}
            >
              {mode === 'totp' ? t('step.useRecovery') : t('step.useTotp')}
            </button>
          )}
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button-quiet button-block" onClick={() => onStartOver()}>
        {t('step.startOver')}
      </button>
    </div>
  );
}
