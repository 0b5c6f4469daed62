/**
 * Writes imported clauses into a live Y.Doc in one Yjs transaction with the 'import' origin, which
 * the collab server stores before it relays (so every open workspace sees the import at once).
 * Every text is checked against the schema first: Yjs cannot roll back, so nothing is written
 * unless all of it can be.
 */
import type * as Y from 'yjs';
import { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/src/schema';
import { clauseOrder, deleteClause, insertClause, newClauseId } from '../../../shared/src/yjs-layout';
import type { ClauseToWrite } from '../../../shared/src/import';
import type { LanguageCode } from '../../../shared/src/languages';
import { serverOrigin } from '../collab/origins';

export type ImportMode = 'replace' | 'append';

/** Throws a RangeError naming the row and language whose text does not fit the schema. */
export function assertClauseTexts(clauses: readonly ClauseToWrite[], languages: readonly LanguageCode[]): void {
  clauses.forEach((clause, index) => {
    for (const lang of languages) {
      try {
        const node = PMNode.fromJSON(schema, clause.content[lang]);
        node.check();
        if (node.type !== schema.topNodeType) throw new RangeError('not a doc');
      } catch (error) {
        throw new RangeError(`Row ${index + 1} in "${lang}" is not a valid clause text: ${(error as Error).message}`, { cause: error });
      }
    }
  });
}

/** Replace: every visible clause is deleted (their entries stay, as layout rule 1 says), then the rows are inserted. */
export function writeClauses(
  ydoc: Y.Doc,
  languages: readonly LanguageCode[],
  clauses: readonly ClauseToWrite[],
  mode: ImportMode,
  makeId: () => string = newClauseId,
): string[] {
  assertClauseTexts(clauses, languages);
  const origin = serverOrigin('import');
  const ids = clauses.map(() => makeId());
  ydoc.transact(() => {
    const existing = clauseOrder(ydoc);
    if (mode === 'replace') for (const id of existing) deleteClause(ydoc, id, origin);
    let after: string | null = mode === 'append' && existing.length > 0 ? existing[existing.length - 1] : null;
    clauses.forEach((clause, index) => {
      insertClause(ydoc, { id: ids[index], kind: clause.kind, content: clause.content }, languages, after, origin);
      after = ids[index];
    });
  }, origin);
  return ids;
}
