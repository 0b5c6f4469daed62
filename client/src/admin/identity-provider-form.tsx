/** Registering or changing one identity provider: its button text, where it is, its client, the domains it vouches for. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider, IdentityProviderBody } from '../../../shared/src/api/identity-providers';
import { useErrorMessage } from '../app/error-message';

export function IdentityProviderForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial?: IdentityProvider;
  /** `clientSecret` is absent when left empty (keep the stored one, or none). */
  onSubmit: (input: IdentityProviderBody) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [nameEn, setNameEn] = useState(initial?.displayName.en ?? '');
  const [nameEs, setNameEs] = useState(initial?.displayName.es ?? '');
  const [issuer, setIssuer] = useState(initial?.issuer ?? '');
  const [clientId, setClientId] = useState(initial?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(initial?.domains.join(', ') ?? '');
  const [participantCode, setParticipantCode] = useState(initial?.participantCode ?? '');
  const [allowAccountCreation, setAllowAccountCreation] = useState(initial?.allowAccountCreation ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        displayName: { en: nameEn.trim(), es: nameEs.trim() },
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        domains: domains
          .split(/[\s,;]+/)
          .map((d) => d.trim().toLowerCase())
          .filter(Boolean),
        participantCode: participantCode.trim() ? participantCode.trim().toUpperCase() : null,
        allowAccountCreation,
      });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  const field = (name: string, label: string, value: string, set: (v: string) => void, extra: { hint?: string; type?: string; required?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type={extra.type ?? 'text'}
        value={value}
        required={extra.required ?? true}
        autoComplete="off"
        onChange={(event) => set(event.target.value)}
        aria-describedby={extra.hint ? `${id}-${name}-hint` : undefined}
      />
      {extra.hint && (
        <p className="hint" id={`${id}-${name}-hint`}>
          {extra.hint}
        </p>
      )}
    </div>
  );

  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{initial ? t('identity:admin.editTitle') : t('identity:admin.addTitle')}</h3>
      {field('name-en', t('identity:admin.fields.nameEn'), nameEn, setNameEn, { hint: t('identity:admin.hints.name') })}
      {field('name-es', t('identity:admin.fields.nameEs'), nameEs, setNameEs)}
      {field('issuer', t('identity:admin.fields.issuer'), issuer, setIssuer, { type: 'url', hint: t('identity:admin.hints.issuer') })}
      {field('client-id', t('identity:admin.fields.clientId'), clientId, setClientId)}
      {field('client-secret', t('identity:admin.fields.clientSecret'), clientSecret, setClientSecret, {
        type: 'password',
        required: false,
        hint: initial?.hasClientSecret ? t('identity:admin.hints.secretKept') : t('identity:admin.hints.secret'),
      })}
      {field('domains', t('identity:admin.fields.domains'), domains, setDomains, { hint: t('identity:admin.hints.domains') })}
      {field('participant', t('identity:admin.fields.participantCode'), participantCode, setParticipantCode, {
        required: false,
        hint: t('identity:admin.hints.participantCode'),
      })}
      <div className="field">
        <label>
          <input type="checkbox" checked={allowAccountCreation} onChange={(event) => setAllowAccountCreation(event.target.checked)} />{' '}
          {t('identity:admin.fields.allowAccountCreation')}
        </label>
        <p className="hint">{t('identity:admin.hints.allowAccountCreation')}</p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {initial ? t('identity:admin.save') : t('identity:admin.add')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  );
}
