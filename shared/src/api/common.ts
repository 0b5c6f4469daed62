/**
 * Pieces of the API contract several resources share. Request objects are strict: an unknown field is
 * a 400 naming it (docs/api.md, "Conventions").
 */
import { z } from 'zod';
import { ROLES } from '../policy';
import { LANGUAGE_CODE_PATTERN, UI_LANGUAGES } from '../languages';
import { honestName, storableText } from '../text-characters';

/** A text in each language, keyed by language code (as the server answers it). */
export const localizedSchema = z.record(z.string(), z.string());
export type Localized = z.infer<typeof localizedSchema>;

export const languageCode = z.string().regex(LANGUAGE_CODE_PATTERN, 'a language code, e.g. "en"');
/** A text a person writes in each language of the document (a title, a name). */
export const localizedInput = z.record(languageCode, storableText(z.string().trim().min(1).max(300)));

export const isoTime = z.iso.datetime();
export const emailInput = storableText(z.string().trim().toLowerCase().max(320)).pipe(z.email());
export const roleSchema = z.enum(ROLES);
export const uiLanguageSchema = z.enum(UI_LANGUAGES);
/** A person's name as others see it: visible characters only [T2]. */
export const displayNameInput = honestName(z.string().trim().min(1).max(200));
/** OWASP: at least 8 characters (we ask 10), long passphrases welcome, no composition rules. */
/**
 * A password being chosen: only bounded here (so nothing huge is hashed); the rules themselves
 * (shared/src/security/password-rules.ts) answer with their own codes, which say why.
 */
export const newPasswordInput = z.string().min(1).max(1024);
export const participantCodeInput = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{2,8}$/, 'two to eight capital letters or digits, e.g. "GT"');
export const colorInput = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a color such as "#1D4E89"');
/** A body that must be empty (a command with nothing to say). */
export const emptyBody = z.object({}).strict();

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable: shared/src/error-codes.ts'),
      message: z.string().describe('in the person’s language'),
      details: z.unknown().optional().describe('structured facts the person needs to act on, e.g. the blockers of a refused freeze'),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
