/**
 * The verification page's answer (client/src/versions/verification-result.tsx) for an original under
 * the alternat (issue 16): a genuine original says whose it is and its number, in English and Spanish;
 * a file that is not genuine never claims to be anybody's original; a file printing other initials than
 * those recorded says so. Rendered with react-dom/server.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { resources, NAMESPACES } from '../../../shared/locales';
import { VerificationResult } from '../../../client/src/versions/verification-result';
import type { Verification } from '../../../shared/src/api/versions';

let lang: 'en' | 'es' = 'en';
jest.mock('../../../client/src/app/i18n', () => ({ uiLanguage: () => lang }));

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.use(initReactI18next).init({ lng: 'en', fallbackLng: 'en', resources, ns: NAMESPACES, defaultNS: 'common', interpolation: { escapeValue: false } }),
);

const FINGERPRINT = 'e637787923e75ef7cdc1c185584ecb94e2df762daba88a0524ae336c3896b5b9';
const genuine: Verification = {
  genuine: true,
  failure: null,
  format: 'pdf',
  fingerprint: FINGERPRINT,
  problems: [],
  record: null,
  registered: {
    documentId: '6f1c1b7e-2d4a-4c1e-9a0b-0c9d8e7f6a5b',
    title: { en: 'Memorandum of Cooperation', es: 'Memorando de Cooperación' },
    versionId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    seq: 3,
    kind: 'frozen',
    name: null,
    takenAt: '2026-03-01T10:00:00.000Z',
    documentStatus: 'frozen',
  },
  original: { participantId: '00000000-0000-4000-8000-000000000002', code: 'SV', number: 2, of: 4, name: { en: 'El Salvador', es: 'El Salvador' } },
  attestationsMatch: true,
};

async function rendered(result: Verification, language: 'en' | 'es'): Promise<string> {
  lang = language;
  await i18n.changeLanguage(language);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <VerificationResult result={result} />
    </I18nextProvider>,
  );
}

describe('the answer for an original', () => {
  it('says whose original a genuine file is and its number, in English and in Spanish', async () => {
    expect(await rendered(genuine, 'en')).toContain('This is the original for El Salvador (2 of 4).');
    expect(await rendered(genuine, 'es')).toContain('Este es el ejemplar original para El Salvador (2 de 4).');
    const us = { ...genuine, original: { ...genuine.original!, code: 'US', number: 1, name: { en: 'the United States', es: 'los Estados Unidos' } } };
    expect(await rendered(us, 'es')).toContain('ejemplar original para los Estados Unidos (1 de 4)');
  });

  it('names no original for a file that is not genuine, nor for an export that is nobody’s original', async () => {
    const altered: Verification = { ...genuine, genuine: false, failure: 'file_altered', attestationsMatch: null };
    const html = await rendered(altered, 'en');
    expect(html).toContain('Not genuine: the file was changed after it was exported.');
    expect(html).not.toContain('original for');
    expect(await rendered({ ...genuine, original: null }, 'en')).not.toContain('original for');
  });

  it('says when the initials a genuine file prints are not those recorded now, and only then', async () => {
    const stale = { ...genuine, attestationsMatch: false };
    expect(await rendered(stale, 'en')).toContain('may have been downloaded before a later initialling');
    expect(await rendered(stale, 'es')).toContain('puede haberse descargado antes de una rúbrica posterior');
    expect(await rendered(genuine, 'en')).not.toContain('initialling');
  });
});
