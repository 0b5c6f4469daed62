/**
 * Brackets (docs/api.md, "Brackets"): request schemas (strict) and the shapes of the answers. The
 * brackets themselves are `bracket` marks in the Yjs text (docs/document-model.md §3.2).
 */
import { z } from 'zod';
import { BRACKET_ID_PATTERN } from '../schema';
import { languageCodeSchema } from '../languages';

export const BRACKET_CLEAR_EFFECTS = ['text', 'delete'] as const;
export type BracketClearEffect = (typeof BRACKET_CLEAR_EFFECTS)[number];

export const bracketIdSchema = z.string().regex(BRACKET_ID_PATTERN, 'a bracket id: "b_" and 16 hex digits');

export const clearBracketBodySchema = z
  .object({ keep: z.enum(BRACKET_CLEAR_EFFECTS).describe('"text": keep the bracketed text, brackets removed; "delete": delete the bracketed text') })
  .strict();
export type ClearBracketBody = z.infer<typeof clearBracketBodySchema>;

export const clearedBracketSchema = z
  .object({
    bracketId: z.string(),
    clauseId: z.string(),
    keep: z.enum(BRACKET_CLEAR_EFFECTS),
    languages: z.array(languageCodeSchema).describe('the languages the bracket was in'),
    runs: z.record(z.string(), z.array(z.string())).describe('language → the bracketed text, run by run, as it stood when cleared'),
  })
  .meta({ id: 'ClearedBracket' });
export type ClearedBracket = z.infer<typeof clearedBracketSchema>;
