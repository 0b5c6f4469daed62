/**
 * The client's translator: the same resources as the server (shared/locales), one namespace per screen.
 * The interface language is the person's saved preference once signed in, otherwise the one they last
 * chose here (localStorage), otherwise the browser's. <html lang> always follows it.
 */
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { resources, NAMESPACES } from '../../../shared/locales';

import { UI_LANGUAGES, type UiLanguage } from '../../../shared/src/languages';

export { UI_LANGUAGES, type UiLanguage };

export const LANGUAGE_STORAGE_KEY = 'concordia.uiLanguage';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

export const i18n = i18next.createInstance();

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    ns: NAMESPACES,
    defaultNS: 'common',
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    load: 'languageOnly',
    initAsync: false,
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => lng.slice(0, 2).toLowerCase(),
    },
  });

/** The language the interface is shown in now (always one we have resources for). */
export function uiLanguage(): UiLanguage {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isUiLanguage(lng) ? lng : 'en';
}

function reflectLanguage(): void {
  document.documentElement.lang = uiLanguage();
  document.title = i18n.t('common:appName');
}

i18n.on('languageChanged', reflectLanguage);
reflectLanguage();
