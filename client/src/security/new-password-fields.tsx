/**
 * A new password and its confirmation, checked as the person types (password-check.tsx): the fields
 * the Security page's password change and the reset screen share.
 */
import { useTranslation } from 'react-i18next';
import { PasswordCheck } from './password-check';
import type { PasswordOwner } from '../../../shared/src/security/password-rules';

export interface NewPasswordFieldsProps {
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix: string;
  password: string;
  confirm: string;
  owner: PasswordOwner;
  onPassword(value: string): void;
  onConfirm(value: string): void;
}

export function NewPasswordFields({ idPrefix, password, confirm, owner, onPassword, onConfirm }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-password`}>{t('security:password.new')}</label>
        <input
          id={`${idPrefix}-password`}
          type="password"
          required
          autoComplete="new-password"
          aria-describedby={`${idPrefix}-password-check`}
          value={password}
          onChange={(e) => onPassword(e.target.value)}
        />
        <PasswordCheck id={`${idPrefix}-password-check`} password={password} owner={owner} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-confirm`}>{t('security:password.confirm')}</label>
        <input id={`${idPrefix}-confirm`} type="password" required autoComplete="new-password" value={confirm} onChange={(e) => onConfirm(e.target.value)} />
      </div>
    </>
  );
}
