/**
 * Which characters a text a person types may hold. Two rules, one place, used by every REST input
 * (the zod schemas of shared/src/api) and by the exporters:
 *
 *  [T1] Stored text: none of the characters XML 1.0 cannot hold — the C0 controls other than tab, line
 *       feed and carriage return (NUL included, which PostgreSQL cannot store either), U+FFFE, U+FFFF
 *       and unpaired surrogates. Every export is XML or built from it, so what is stored always exports.
 *  [T2] A person's name (a display name, a signatory): [T1], and no control, format or separator
 *       character at all — bidi embeddings, overrides and isolates, zero-width spaces and joiners, soft
 *       hyphens, invisible fillers — so that a name cannot pass itself off as another one.
 *
 * A refusal is a zod issue whose `params.code` is a stable error code; the server answers 400 with it,
 * naming the field (server/src/http/error-handler.ts).
 */
import type { z } from 'zod';
import type { ErrorCode } from './error-codes';

/** [T1] What XML 1.0 cannot hold (its `Char` production), as a global pattern to strip with. */
// In a `u` pattern a surrogate range matches unpaired surrogates only: a pair is one code point.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu;

/**
 * [T2] Invisible or direction-changing: controls (Cc), format characters (Cf: bidi controls, U+200B–U+200F,
 * U+2060–U+2064, U+FEFF, soft hyphen, tags …), line and paragraph separators, and the letters and marks
 * that render as nothing (combining grapheme joiner, Hangul fillers, Khmer inherent vowels, braille blank).
 */
// eslint-disable-next-line no-misleading-character-class -- each listed character is refused on its own
const NAME_FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0]|[\u{e0100}-\u{e01ef}]/u;

const XML_FORBIDDEN_TEST = new RegExp(XML_FORBIDDEN.source, 'u');

export const isStorableText = (text: string): boolean => !XML_FORBIDDEN_TEST.test(text);
export const isHonestName = (text: string): boolean => isStorableText(text) && !NAME_FORBIDDEN.test(text);

/** [T1] The text without what XML 1.0 cannot hold: what an exporter writes of text that reached it otherwise (a clause typed through Yjs). */
export const stripXmlForbidden = (text: string): string => text.replace(XML_FORBIDDEN, '');

const refusal = (code: ErrorCode) => ({ message: code, params: { code } });

/** [T1] A text input that may only hold what can be stored and exported. */
export const storableText = <T extends z.ZodType<string, string>>(schema: T) => schema.refine(isStorableText, refusal('text_characters_not_allowed'));

/** [T2] A person's name: visible characters only. */
export const honestName = <T extends z.ZodType<string, string>>(schema: T) =>
  schema.refine(isStorableText, refusal('text_characters_not_allowed')).refine(isHonestName, refusal('name_characters_not_allowed'));
