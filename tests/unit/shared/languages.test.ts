import { DEFAULT_LANGUAGES, assertLanguageList, isLanguageCode, languageCodeSchema, languageListSchema } from '../../../shared/src/index';

describe('languages', () => {
  it('defaults to English and Spanish', () => {
    expect(DEFAULT_LANGUAGES).toEqual(['en', 'es']);
    expect(Object.isFrozen(DEFAULT_LANGUAGES)).toBe(true);
  });

  it('accepts two- and three-letter lower-case codes and nothing else', () => {
    for (const code of ['en', 'es', 'fil']) {
      expect(isLanguageCode(code)).toBe(true);
      expect(languageCodeSchema.safeParse(code).success).toBe(true);
    }
    for (const code of ['EN', 'e', 'engl', 'en-US', '', 'e1', 42]) {
      expect(isLanguageCode(code)).toBe(false);
      expect(languageCodeSchema.safeParse(code).success).toBe(false);
    }
  });

  it('rejects a language list that is empty or lists a language twice', () => {
    expect(languageListSchema.safeParse([]).success).toBe(false);
    expect(languageListSchema.safeParse(['en', 'en']).success).toBe(false);
    expect(languageListSchema.safeParse(['en', 'es', 'fr']).success).toBe(true);
    expect(() => assertLanguageList([])).toThrow(new RangeError('A document needs at least one language'));
    expect(() => assertLanguageList(['es', 'es'])).toThrow(new RangeError('The language "es" is listed twice'));
  });
});
