/** Dates, numbers and language names, always through Intl in the interface language. */
import { uiLanguage } from './i18n';

/** Built once per language (a formatter is costly to build, and a badge formats dates on every render). */
function cached<F>(cache: Map<string, F>, lang: string, build: (lang: string) => F): F {
  let formatter = cache.get(lang);
  if (!formatter) {
    formatter = build(lang);
    cache.set(lang, formatter);
  }
  return formatter;
}
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatDateTime(iso: string | number | Date, lang: string = uiLanguage()): string {
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return cached(dateTimeFormats, lang, (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

export function formatNumber(value: number, lang: string = uiLanguage()): string {
  return cached(numberFormats, lang, (l) => new Intl.NumberFormat(l)).format(value);
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** "Spanish" / "español": the name of a document language, in the interface language, as Intl writes it. */
export function languageName(code: string, lang: string = uiLanguage()): string {
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
    displayNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

/** The same name capitalised for a heading ("Español" rather than "español"). */
export function languageTitle(code: string, lang: string = uiLanguage()): string {
  const name = languageName(code, lang);
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** A localized text ({ en, es, … }) in the interface language, else in the first language it has. */
export function localized(text: Record<string, string> | null | undefined, lang: string = uiLanguage()): string {
  if (!text) return '';
  if (text[lang]) return text[lang];
  const first = Object.values(text).find((value) => typeof value === 'string' && value.length > 0);
  return first ?? '';
}
