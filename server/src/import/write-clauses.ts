/**
 * Writes imported clauses into a Y.Doc with the 'import' origin, which the collab server stores before
 * it relays (so every open workspace sees the import at once). Every text is checked against the
 * schema first: Yjs cannot roll back, so nothing is written unless all of it can be.
 *
 * By default everything is one Yjs transaction. With `entriesPerTransaction` (the import-writing
 * thread, build-import-update.ts) the clause entries are written in transactions of that many and the
 * order last, in a transaction of its own: an entry not in the order is not part of the text (layout
 * rule 1), so until that last update is applied nobody sees any imported clause, and once it is they
 * see all of them. The event loop can then apply the import in small steps.
 */
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/src/schema';
import { CLAUSE_ID_PATTERN, KIND_KEY, clauseOrder, clausesMap, isClauseKind, newClauseId, orderArray } from '../../../shared/src/yjs-layout';
import { assertLanguageList } from '../../../shared/src/languages';
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

/**
 * Replace: every visible clause is deleted (their entries stay, as layout rule 1 says), then the rows are inserted.
 * In time linear in the clauses, whatever their number: the order is read once, emptied in one delete and
 * the new ids inserted in one insert (the layout's one-clause helpers each read the whole order, which is
 * quadratic over an import of thousands of clauses).
 */
export function writeClauses(
  ydoc: Y.Doc,
  languages: readonly LanguageCode[],
  clauses: readonly ClauseToWrite[],
  mode: ImportMode,
  makeId: () => string = newClauseId,
  options: { entriesPerTransaction?: number } = {},
): string[] {
  assertClauseTexts(clauses, languages);
  assertLanguageList(languages);
  const origin = serverOrigin('import');
  const ids = clauses.map(() => makeId());
  const entries = clausesMap(ydoc);
  const fresh = new Set<string>();
  for (const [index, id] of ids.entries()) {
    if (!CLAUSE_ID_PATTERN.test(id)) throw new RangeError(`${JSON.stringify(id)} is not a clause id`);
    if (entries.has(id) || fresh.has(id)) throw new RangeError(`Cannot insert clause ${id}: a clause with this id already exists`);
    if (!isClauseKind(clauses[index].kind))
      throw new RangeError(`Row ${index + 1} has the kind ${JSON.stringify(clauses[index].kind)}, which is not a clause kind`);
    fresh.add(id);
  }
  const writeEntries = (from: number, to: number) => {
    for (let index = from; index < to; index += 1) {
      const entry = new Y.Map<unknown>();
      entries.set(ids[index], entry);
      entry.set(KIND_KEY, clauses[index].kind);
      for (const lang of languages) {
        const fragment = new Y.XmlFragment();
        entry.set(lang, fragment);
        prosemirrorJSONToYXmlFragment(schema, clauses[index].content[lang], fragment);
      }
    }
  };
  const writeOrder = () => {
    const order = orderArray(ydoc);
    const existing = clauseOrder(ydoc);
    let at = 0;
    if (mode === 'replace') order.delete(0, order.length);
    else if (existing.length > 0) at = order.toArray().indexOf(existing[existing.length - 1]) + 1;
    order.insert(at, ids);
  };
  const step = options.entriesPerTransaction ?? clauses.length;
  if (step >= clauses.length) {
    ydoc.transact(() => {
      writeEntries(0, clauses.length);
      writeOrder();
    }, origin);
    return ids;
  }
  for (let from = 0; from < clauses.length; from += step) ydoc.transact(() => writeEntries(from, Math.min(clauses.length, from + step)), origin);
  ydoc.transact(writeOrder, origin);
  return ids;
}
