/**
 * The clauses that have text in some languages and none in others — what an import of unpaired
 * rows leaves behind. Derived from the text as it is now, never stored: the flag goes away the
 * moment someone writes the missing text.
 */
import type * as Y from 'yjs';
import { clauseItems, readClauseJSON } from '../../../shared/src/yjs-layout';
import { plainTextOf } from '../../../shared/src/import/text-of';
import type { LanguageCode } from '../../../shared/src/languages';

export interface IncompleteClause {
  clauseId: string;
  missing: LanguageCode[];
}

export function incompleteClauses(doc: Y.Doc, languages: readonly LanguageCode[]): IncompleteClause[] {
  const out: IncompleteClause[] = [];
  for (const { id } of clauseItems(doc)) {
    const empty = languages.filter((lang) => isEmpty(doc, id, lang));
    if (empty.length > 0 && empty.length < languages.length) out.push({ clauseId: id, missing: empty });
  }
  return out;
}

/** Whether the text is there and says nothing; a text that cannot be read is invalid, not missing (a freeze blocker). */
function isEmpty(doc: Y.Doc, id: string, lang: LanguageCode): boolean {
  try {
    return plainTextOf(readClauseJSON(doc, id, lang)).trim() === '';
  } catch {
    return false;
  }
}
