/** Plain texts of one clause as this client has it now (what the dialogs show and diff against). */
import type * as Y from 'yjs';
import { plainText } from '../../../shared/src/canonical';
import { readClauseJSON } from '../../../shared/src/yjs-layout';

export function livePlainTexts(ydoc: Y.Doc, clauseId: string, languages: readonly string[]): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const lang of languages) {
    try {
      texts[lang] = plainText(readClauseJSON(ydoc, clauseId, lang));
    } catch {
      texts[lang] = '';
    }
  }
  return texts;
}
