/**
 * The sign-in screen's single sign-on part (client/src/auth/single-sign-on.tsx): a sign-in the server
 * refused comes back as /signin?sso_error=<code> and reads as that code's sentence in the person's
 * language; the start address carries the provider, the address typed and a same-site return path.
 * Rendered with react-dom/server (no effects run: the provider lookup is the integration tests' part).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { resources, NAMESPACES } from '../../../shared/locales';

let location = '/signin';
jest.mock('../../../client/src/app/i18n', () => ({ uiLanguage: () => 'es' }));
jest.mock('../../../client/src/auth/single-sign-on.css', () => ({})); // Vite's, not Node's
jest.mock('../../../client/src/app/router', () => ({
  useLocation: () => location,
  nextFromLocation: (at: string) => new URLSearchParams(at.split('?')[1] ?? '').get('next') ?? '/',
}));

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the mocks above
const { SingleSignOn } = require('../../../client/src/auth/single-sign-on') as typeof import('../../../client/src/auth/single-sign-on');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startUrl } = require('../../../client/src/api/identity-providers') as typeof import('../../../client/src/api/identity-providers');

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.use(initReactI18next).init({ lng: 'es', fallbackLng: 'en', resources, ns: NAMESPACES, defaultNS: 'common', interpolation: { escapeValue: false } }),
);

const render = (email: string) => renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(SingleSignOn, { email })));

describe('single sign-on on the sign-in screen', () => {
  it('shows a refused sign-in as the sentence of its code, in Spanish', () => {
    location = '/signin?sso_error=sso_email_unverified';
    const html = render('ana@minex.gob.gt');
    expect(html).toContain('role="alert"');
    expect(html).toContain(resources.es.errors.sso_email_unverified.slice(0, 40));
    expect(html).not.toContain('sso_email_unverified');
  });

  it('shows a general sentence for a code it does not know, never the code', () => {
    location = '/signin?sso_error=made_up_code';
    const html = render('');
    expect(html).toContain(resources.es.identity.signIn.failed.slice(0, 30));
    expect(html).not.toContain('made_up_code');
  });

  it('shows nothing when no sign-in was refused and no provider is known yet', () => {
    location = '/signin';
    expect(render('ana@minex.gob.gt')).toBe('<div class="single-sign-on"></div>');
  });

  it('starts at the provider with the address typed and where the person was going', () => {
    const url = new URL(startUrl('3f1c7c52-2c4a-4a4e-9b7e-1d2a3b4c5d6e', 'ana@minex.gob.gt', '/documents/abc'), 'http://concordia.test');
    expect(url.pathname).toBe('/api/auth/sso/start');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      providerId: '3f1c7c52-2c4a-4a4e-9b7e-1d2a3b4c5d6e',
      email: 'ana@minex.gob.gt',
      next: '/documents/abc',
    });
  });
});
