/**
 * Languages are data, not code: a document carries its own list of equally authentic languages, and
 * nothing else in the code base may name a particular language. These are only the defaults of a new
 * document.
 */
import { z } from 'zod';

/** A lower-case ISO 639 code of two or three letters, e.g. "en", "es", "fil". */
export type LanguageCode = string;

export const LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}$/;

export const DEFAULT_LANGUAGES: readonly LanguageCode[] = Object.freeze(['en', 'es']);

/** The languages of the interface (not of documents): every string a person reads exists in each. */
export const UI_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const languageCodeSchema = z.string().regex(LANGUAGE_CODE_PATTERN, 'A language code is two or three lower-case letters, e.g. "en"');

/** The languages of one document: at least one, none twice. */
export const languageListSchema = z
  .array(languageCodeSchema)
  .min(1, 'A document needs at least one language')
  .refine((codes) => new Set(codes).size === codes.length, 'A document cannot list the same language twice');

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && LANGUAGE_CODE_PATTERN.test(value);
}

/** Throws a RangeError naming the first code that is not a language code, or the first code listed twice. */
export function assertLanguageList(languages: readonly string[]): void {
  if (languages.length === 0) throw new RangeError('A document needs at least one language');
  const seen = new Set<string>();
  for (const code of languages) {
    if (!isLanguageCode(code)) {
      throw new RangeError(`${JSON.stringify(code)} is not a language code (two or three lower-case letters, e.g. "en")`);
    }
    if (seen.has(code)) throw new RangeError(`The language "${code}" is listed twice`);
    seen.add(code);
  }
}
