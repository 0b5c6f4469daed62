/** Asks for the password or a current code before a factor is removed or recovery codes are renewed. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reauthentication } from '../../../shared/src/api/second-factors';

export function ConfirmItIsYou({ onConfirm, onCancel, busy }: { onConfirm(proof: Reauthentication): void; onCancel(): void; busy: boolean }) {
  const { t } = useTranslation('second-factor');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    onConfirm(password ? { password } : { code: code.trim() });
  }
  return (
    <form className="confirm-it-is-you" onSubmit={submit} aria-label={t('settings.confirm.title')}>
      <p>{t('settings.confirm.intro')}</p>
      <div className="field">
        <label htmlFor="reauth-password">{t('settings.confirm.passwordLabel')}</label>
        <input id="reauth-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
      </div>
      <div className="field">
        <label htmlFor="reauth-code">{t('settings.confirm.codeLabel')}</label>
        <input id="reauth-code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} disabled={password !== ''} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || (password === '' && code.trim() === '')}>
          {t('settings.confirm.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('settings.confirm.cancel')}
        </button>
      </div>
    </form>
  );
}
