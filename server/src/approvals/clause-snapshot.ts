import type * as Y from 'yjs';
import { canonicalString, plainText } from '../../../shared/src/canonical';
import { clauseTextState, type ClauseTextState } from '../../../shared/src/approval-status';
import { clauseOrder, getClause, readClauseJSON } from '../../../shared/src/yjs-layout';
import type { LanguageCode } from '../../../shared/src/languages';

/** A visible clause's text as an approval records it: hashes, fingerprint, and the texts themselves. */
export interface ClauseSnapshot extends ClauseTextState {
  /** The canonical string of each language: the exact bytes its hash covers. */
  canonicalTexts: Record<LanguageCode, string>;
  plainTexts: Record<LanguageCode, string>;
}

/** The clause as it is in `doc`; null when the document has no such visible clause. */
export function clauseSnapshot(doc: Y.Doc, clauseId: string, languages: readonly LanguageCode[]): ClauseSnapshot | null {
  if (!getClause(doc, clauseId) || !clauseOrder(doc).includes(clauseId)) return null;
  const state = clauseTextState(doc, clauseId, languages);
  const canonicalTexts: Record<LanguageCode, string> = {};
  const plainTexts: Record<LanguageCode, string> = {};
  if (state.fingerprint !== null) {
    for (const lang of languages) {
      const json = readClauseJSON(doc, clauseId, lang);
      canonicalTexts[lang] = canonicalString(json);
      plainTexts[lang] = plainText(json);
    }
  }
  return { ...state, canonicalTexts, plainTexts };
}

/** The plain text of a stored canonical string (what the "changed since" diff compares). */
export function plainTextOfCanonical(canonical: string): string {
  return plainText(JSON.parse(canonical));
}
