import i18next, { type TFunction } from 'i18next';
import { resources, NAMESPACES } from '../../shared/locales';

export const UI_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const instance = i18next.createInstance();
void instance.init({
  resources,
  ns: NAMESPACES,
  defaultNS: 'errors',
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The server's translator for one language: API errors are answered in the person's language. */
export function translator(lang: UiLanguage, ns: string = 'errors'): TFunction {
  return instance.getFixedT(lang, ns);
}

/** Picks en/es from an Accept-Language header (q-values respected); English when nothing matches. */
export function languageFromHeader(header: string | undefined): UiLanguage {
  if (!header) return 'en';
  const ranked = header.split(',').map((part) => {
    const [tag, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) || 0 : 1 };
  }).sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isUiLanguage(lang)) return lang;
  return 'en';
}
