/**
 * "Sign in with your ministry" on the sign-in screen: once the address typed there has a domain, the
 * enabled identity providers that vouch for it are offered ("Sign in with the Ministry of Foreign
 * Affairs of Guatemala"); choosing one is a top-level navigation to the provider. A sign-in the
 * server refused comes back as /signin?sso_error=<code>, shown here in the person's language.
 */
import { useEffect, useState } from 'react';
import './single-sign-on.css';
import { useTranslation } from 'react-i18next';
import { nextFromLocation, useLocation } from '../app/router';
import { uiLanguage } from '../app/i18n';
import { providersForEmail, startUrl } from '../api/identity-providers';
import type { SsoProviderOption } from '../../../shared/src/api/identity-providers';

const LOOKUP_DELAY_MS = 300;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function SingleSignOn({ email }: { email: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  // What was found for which domain: another domain typed shows nothing until its own answer arrives.
  const [found, setFound] = useState<{ domain: string; providers: SsoProviderOption[] } | null>(null);
  const address = email.trim().toLowerCase();
  const domain = EMAIL_SHAPE.test(address) ? address.slice(address.lastIndexOf('@') + 1) : null;
  const failure = new URLSearchParams(location.split('?')[1] ?? '').get('sso_error');

  useEffect(() => {
    if (!domain) return;
    const controller = new AbortController();
    // Asked once typing pauses, by domain: every address of a domain is offered the same providers.
    const timer = window.setTimeout(() => {
      providersForEmail(`someone@${domain}`, controller.signal).then(
        (answer) => setFound({ domain, providers: answer.providers }),
        () => setFound({ domain, providers: [] }),
      );
    }, LOOKUP_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [domain]);

  const providers = domain && found?.domain === domain ? found.providers : [];
  const lang = uiLanguage();
  return (
    <div className="single-sign-on">
      {failure && (
        <p className="form-error" role="alert">
          {t(`errors:${failure}`, { defaultValue: t('identity:signIn.failed') })}
        </p>
      )}
      {providers.length > 0 && (
        <div className="sso-providers" aria-live="polite">
          <p className="sso-or">{t('identity:signIn.or')}</p>
          {providers.map((provider) => (
            <a key={provider.id} className="button button-block" href={startUrl(provider.id, address, nextFromLocation(location))}>
              {t('identity:signIn.with', { name: provider.displayName[lang] || provider.displayName.en })}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
