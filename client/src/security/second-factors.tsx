/**
 * "Second factor": a person's passkeys and security keys, authenticator app and recovery codes. A section
 * of the Security page (/account/security); also on its own page at /account/second-factors.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserSupportsWebAuthn, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { ApiError } from '../api/http';
import { addPasskey, fetchSecondFactors, passkeyRegistrationOptions, removePasskey, removeTotp, renewRecoveryCodes } from '../api/second-factors';
import { useErrorMessage } from '../app/error-message';
import type { FactorAdded, Reauthentication, SecondFactors } from '../../../shared/src/api/second-factors';
import { ConfirmItIsYou } from './confirm-it-is-you';
import { RecoveryCodesShownOnce } from './recovery-codes-shown-once';
import { TotpSetup } from './totp-setup';

/** What waits for the password or a current code. */
type Guarded = { kind: 'removeTotp' } | { kind: 'removePasskey'; id: string } | { kind: 'renewCodes' };

/** `onChanged`: a factor was added or removed (the Security page reloads its identity events). */
export function SecondFactorsSection({ onChanged }: { onChanged?: () => void } = {}) {
  const { t, i18n } = useTranslation('second-factor');
  const errorMessage = useErrorMessage();
  const [factors, setFactors] = useState<SecondFactors | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [guarded, setGuarded] = useState<Guarded | null>(null);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.resolvedLanguage, { dateStyle: 'long' });

  const load = useCallback(() => {
    fetchSecondFactors().then(setFactors, (failure: unknown) => setError(errorMessage(failure)));
  }, [errorMessage]);
  useEffect(load, [load]);

  const added = (answer: FactorAdded) => {
    setFactors(answer.factors);
    if (answer.recoveryCodes) setCodes(answer.recoveryCodes);
    onChanged?.();
  };

  async function addKey() {
    setBusy(true);
    setError(null);
    try {
      const { options } = await passkeyRegistrationOptions();
      const response = await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
      added(await addPasskey(response, label.trim() || undefined));
      setLabel('');
    } catch (failure) {
      setError(failure instanceof ApiError ? errorMessage(failure) : t('settings.passkeys.cancelled'));
    } finally {
      setBusy(false);
    }
  }

  async function confirmed(proof: Reauthentication) {
    if (!guarded) return;
    setBusy(true);
    setError(null);
    try {
      if (guarded.kind === 'removeTotp') setFactors(await removeTotp(proof));
      else if (guarded.kind === 'removePasskey') setFactors(await removePasskey(guarded.id, proof));
      else {
        setCodes((await renewRecoveryCodes(proof)).recoveryCodes);
        load();
      }
      setGuarded(null);
      onChanged?.();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const confirmBox = (kind: Guarded['kind'], id?: string) =>
    guarded && guarded.kind === kind && (guarded.kind !== 'removePasskey' || guarded.id === id) ? (
      <ConfirmItIsYou busy={busy} onConfirm={(proof) => void confirmed(proof)} onCancel={() => setGuarded(null)} />
    ) : null;

  return (
    <section className="card second-factors" aria-labelledby="second-factors-title">
      <h2 id="second-factors-title">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!factors ? (
        <p role="status">{t('settings.loading')}</p>
      ) : (
        <>
          <p className="second-factor-status" role="status">
            {factors.enabled ? t('settings.statusOn') : t('settings.statusOff')}
          </p>
          {codes && <RecoveryCodesShownOnce codes={codes} onDone={() => setCodes(null)} />}

          <h3>{t('settings.passkeys.title')}</h3>
          {factors.passkeys.length === 0 ? (
            <p>{t('settings.passkeys.none')}</p>
          ) : (
            <ul className="passkey-list">
              {factors.passkeys.map((passkey) => (
                <li key={passkey.id}>
                  <strong>{passkey.label}</strong> — {t('settings.passkeys.added', { date: date(passkey.createdAt) })}
                  {passkey.lastUsedAt && <>, {t('settings.passkeys.lastUsed', { date: date(passkey.lastUsedAt) })}</>}{' '}
                  <button type="button" className="button button-quiet" onClick={() => setGuarded({ kind: 'removePasskey', id: passkey.id })}>
                    {t('settings.passkeys.remove', { label: passkey.label })}
                  </button>
                  {confirmBox('removePasskey', passkey.id)}
                </li>
              ))}
            </ul>
          )}
          {browserSupportsWebAuthn() ? (
            <div className="passkey-add">
              <div className="field">
                <label htmlFor="passkey-label">{t('settings.passkeys.labelField')}</label>
                <input
                  id="passkey-label"
                  maxLength={100}
                  placeholder={t('settings.passkeys.labelPlaceholder')}
                  value={label}
                  onChange={(event) => setLabel(event.target.value)}
                />
              </div>
              <button type="button" className="button" onClick={() => void addKey()} disabled={busy}>
                {busy ? t('settings.passkeys.adding') : t('settings.passkeys.add')}
              </button>
            </div>
          ) : (
            <p>{t('settings.passkeys.unsupported')}</p>
          )}

          <h3>{t('settings.totp.title')}</h3>
          {factors.totp ? (
            <p>
              {t('settings.totp.since', { date: date(factors.totp.confirmedAt) })}{' '}
              <button type="button" className="button button-quiet" onClick={() => setGuarded({ kind: 'removeTotp' })}>
                {t('settings.totp.remove')}
              </button>
            </p>
          ) : (
            <>
              <p>{t('settings.totp.none')}</p>
              <TotpSetup onAdded={added} />
            </>
          )}
          {confirmBox('removeTotp')}

          {factors.enabled && (
            <>
              <h3>{t('settings.recovery.title')}</h3>
              <p>
                {t('settings.recovery.left', { count: factors.recoveryCodesLeft })}{' '}
                <button type="button" className="button button-quiet" onClick={() => setGuarded({ kind: 'renewCodes' })}>
                  {t('settings.recovery.renew')}
                </button>
              </p>
              {confirmBox('renewCodes')}
            </>
          )}
        </>
      )}
    </section>
  );
}
