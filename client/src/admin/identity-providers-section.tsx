/**
 * Administration: the identity providers of the ministries (single sign-on). Register one, change it,
 * disable it (which ends the sessions that came through it) or enable it again. The client secret is
 * written, never shown: the list says only whether one is stored.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '../../../shared/src/api/identity-providers';
import { createIdentityProvider, listIdentityProviders, updateIdentityProvider } from '../api/identity-providers';
import { uiLanguage } from '../app/i18n';
import { useErrorMessage } from '../app/error-message';
import { useToasts } from '../components/toasts';
import { Loading } from '../components/status-views';
import { resource } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';
import { IdentityProviderForm } from './identity-provider-form';

export function IdentityProvidersSection() {
  const { t } = useTranslation();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  // The list, read again after every change made here (reconnections change nothing of it).
  const read = useLive(useMemo(() => resource(async () => (await listIdentityProviders()).providers, { reconnect: false }), []));
  const providers = read.value;
  const load = read.reload;
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const lang = uiLanguage();
  const nameOf = (p: IdentityProvider) => p.displayName[lang] || p.displayName.en;

  async function setEnabled(provider: IdentityProvider, enabled: boolean) {
    try {
      await updateIdentityProvider(provider.id, { enabled });
      await load();
      toasts.show({ message: t(enabled ? 'identity:admin.enabledToast' : 'identity:admin.disabledToast', { name: nameOf(provider) }) });
    } catch (failure) {
      toasts.show({ message: errorMessage(failure), tone: 'error' });
    }
  }

  return (
    <section className="card" aria-labelledby="identity-providers-heading">
      <div className="section-heading">
        <h2 id="identity-providers-heading">{t('identity:admin.title')}</h2>
        {editing !== 'new' && (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('identity:admin.add')}
          </button>
        )}
      </div>
      <p className="lead">{t('identity:admin.intro')}</p>
      {editing === 'new' && (
        <IdentityProviderForm
          onCancel={() => setEditing(null)}
          onSubmit={async (input) => {
            await createIdentityProvider(input);
            setEditing(null);
            await load();
            toasts.show({ message: t('identity:admin.addedToast', { name: input.displayName[lang] }) });
          }}
        />
      )}
      {read.error && !providers ? (
        <p className="form-error" role="alert">
          {errorMessage(read.error)}
        </p>
      ) : !providers ? (
        <Loading />
      ) : providers.length === 0 ? (
        <p className="empty">{t('identity:admin.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('identity:admin.columns.name')}</th>
              <th scope="col">{t('identity:admin.columns.domains')}</th>
              <th scope="col">{t('identity:admin.columns.status')}</th>
              <th scope="col">{t('identity:admin.columns.linked')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('identity:admin.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {providers.map((provider) =>
              editing === provider.id ? (
                <tr key={provider.id}>
                  <td colSpan={5}>
                    <IdentityProviderForm
                      initial={provider}
                      onCancel={() => setEditing(null)}
                      onSubmit={async (input) => {
                        await updateIdentityProvider(provider.id, input);
                        setEditing(null);
                        await load();
                        toasts.show({ message: t('identity:admin.savedToast', { name: input.displayName[lang] }) });
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={provider.id}>
                  <td>
                    {nameOf(provider)}
                    <div className="hint">{provider.issuer}</div>
                  </td>
                  <td>{provider.domains.join(', ')}</td>
                  <td>
                    {provider.enabled ? t('identity:admin.status.enabled') : t('identity:admin.status.disabled')}
                    {!provider.hasClientSecret && <div className="hint">{t('identity:admin.status.publicClient')}</div>}
                  </td>
                  <td>{provider.linkedIdentities}</td>
                  <td className="buttons-cell">
                    <div className="row-buttons">
                      <button type="button" className="button" onClick={() => setEditing(provider.id)}>
                        {t('identity:admin.edit')}
                      </button>
                      <button
                        type="button"
                        className={provider.enabled ? 'button button-danger' : 'button'}
                        onClick={() => void setEnabled(provider, !provider.enabled)}
                      >
                        {provider.enabled ? t('identity:admin.disable') : t('identity:admin.enable')}
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
