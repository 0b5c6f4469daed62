/**
 * useErrorMessage (client/src/app/error-message.ts), the one way every screen shows a failure: a request
 * that never reached the server reads as our sentence in the person's language — never the browser's
 * "Failed to fetch" — and an API error as the server's own (already translated) sentence.
 * Rendered with react-dom/server: the hook runs as in a component, without a browser.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { resources, NAMESPACES } from '../../../shared/locales';
import { ApiError } from '../../../client/src/api/http';
import { useErrorMessage } from '../../../client/src/app/error-message';

// The app's i18n module sets up the browser's language detection and <html lang> (jest hoists this above
// the imports); the hook only needs a translator, given below.
jest.mock('../../../client/src/app/i18n', () => ({ uiLanguage: () => 'en' }));

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.use(initReactI18next).init({ lng: 'en', fallbackLng: 'en', resources, ns: NAMESPACES, defaultNS: 'common', interpolation: { escapeValue: false } }),
);

function Message({ error }: { error: unknown }) {
  const message = useErrorMessage();
  return createElement('p', null, message(error));
}

async function shown(error: unknown, lang: 'en' | 'es'): Promise<string> {
  await i18n.changeLanguage(lang);
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Message, { error })));
  return html.replace(/^<p>|<\/p>$/g, '').replace(/&#x27;/g, "'");
}

describe('useErrorMessage', () => {
  const offline = new ApiError(0, 'network', 'Failed to fetch');

  it('says the server cannot be reached, in English, when fetch failed', async () => {
    await expect(shown(offline, 'en')).resolves.toBe(resources.en.common.errors.network);
    await expect(shown(offline, 'en')).resolves.toBe('The server cannot be reached. Check your connection and try again.');
  });

  it('says it in Spanish for a person reading Spanish', async () => {
    await expect(shown(offline, 'es')).resolves.toBe('No se puede conectar con el servidor. Compruebe su conexión e inténtelo de nuevo.');
  });

  it('says the same for fetch\'s own TypeError, whoever let it through, never "Failed to fetch"', async () => {
    for (const lang of ['en', 'es'] as const) {
      for (const raw of ['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed']) {
        const text = await shown(new TypeError(raw), lang);
        expect(text).toBe(resources[lang].common.errors.network);
        expect(text).not.toContain(raw);
      }
    }
  });

  it("shows an API error as the server's translated sentence", async () => {
    const refused = new ApiError(409, 'version_name_taken', 'Ya existe una versión con ese nombre.');
    await expect(shown(refused, 'es')).resolves.toBe('Ya existe una versión con ese nombre.');
  });

  it("shows our own sentence, not a programmer's message, for anything else", async () => {
    await expect(shown(new TypeError('Cannot read properties of undefined'), 'en')).resolves.toBe(resources.en.common.errors.unexpected);
    await expect(shown(new Error('boom'), 'es')).resolves.toBe(resources.es.common.errors.unexpected);
  });
});
