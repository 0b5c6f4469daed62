import * as Y from 'yjs';
import {
  DEFAULT_LANGUAGES,
  canonicalString,
  clauseFragment,
  clauseIdFromKey,
  clauseItems,
  clauseKind,
  clauseOrder,
  clausesMap,
  deleteClause,
  getClause,
  insertClause,
  moveClause,
  newClauseId,
  orderArray,
  readClauseJSON,
  restoreClause,
  storedClauseKind,
  textDepth,
  MAX_TEXT_DEPTH,
  UNKNOWN_KIND_READS_AS,
} from '../../../shared/src/index';
import { doc, li, ol, p, strong } from './builders';

const origin = { kind: 'test' };
const langs = DEFAULT_LANGUAGES;

function docWith(...ids: string[]): Y.Doc {
  const ydoc = new Y.Doc();
  let after: string | null = null;
  for (const id of ids) {
    insertClause(ydoc, { id, kind: 'clause' }, langs, after, origin);
    after = id;
  }
  return ydoc;
}

describe('insertClause', () => {
  it('creates a clause with its kind and an empty paragraph in every language', () => {
    const ydoc = docWith('a');
    const clause = getClause(ydoc, 'a')!;
    expect([...clause.keys()].sort()).toEqual(['en', 'es', 'kind']);
    expect(clauseKind(ydoc, 'a')).toBe('clause');
    for (const lang of langs) expect(readClauseJSON(ydoc, 'a', lang)).toEqual(doc(p()));
  });

  it('stores the given text per language, readable back with the same canonical form', () => {
    const ydoc = new Y.Doc();
    const en = doc(p('The ', strong('Participants')), ol(2, li(p('meet'))));
    const es = doc(p('Los ', strong('Participantes')));
    insertClause(ydoc, { id: 'a', kind: 'preamble', content: { en, es } }, langs, null, origin);
    expect(canonicalString(readClauseJSON(ydoc, 'a', 'en'))).toBe(canonicalString(en));
    expect(canonicalString(readClauseJSON(ydoc, 'a', 'es'))).toBe(canonicalString(es));
  });

  it('creates a fragment for each language of the document, whatever they are', () => {
    const ydoc = new Y.Doc();
    insertClause(ydoc, { id: 'a', kind: 'heading' }, ['fr', 'ar', 'zho'], null, origin);
    expect(clauseFragment(ydoc, 'a', 'zho')).toBeInstanceOf(Y.XmlFragment);
    expect(() => clauseFragment(ydoc, 'a', 'en')).toThrow(new RangeError('Clause a has no text in the language "en"'));
  });

  it('places the clause first, or right after the given clause', () => {
    const ydoc = docWith('a', 'b');
    insertClause(ydoc, { id: 'c', kind: 'clause' }, langs, 'a', origin);
    insertClause(ydoc, { id: 'd', kind: 'clause' }, langs, null, origin);
    expect(clauseOrder(ydoc)).toEqual(['d', 'a', 'c', 'b']);
  });

  it("makes the whole insertion one transaction with the caller's origin", () => {
    const ydoc = new Y.Doc();
    const origins: unknown[] = [];
    ydoc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    insertClause(ydoc, { id: 'a', kind: 'clause', content: { en: doc(p('x')) } }, langs, null, origin);
    expect(origins).toEqual([origin]);
  });

  it('refuses a kind that is not one of the four', () => {
    expect(() => insertClause(new Y.Doc(), { id: 'a', kind: 'annex' as never }, langs, null, origin)).toThrow(
      new RangeError('Cannot insert clause a: its kind "annex" is not one of preamble, heading, clause, final'),
    );
  });

  it('refuses text in a language the document does not have', () => {
    expect(() => insertClause(new Y.Doc(), { id: 'a', kind: 'clause', content: { fr: doc(p('x')) } }, langs, null, origin)).toThrow(
      new RangeError('Cannot insert clause a: it has text in "fr", which is not one of the document\'s languages (en, es)'),
    );
  });

  it('refuses a language list with a code that is not a language code', () => {
    expect(() => insertClause(new Y.Doc(), { id: 'a', kind: 'clause' }, ['en', 'ES'], null, origin)).toThrow(
      new RangeError('"ES" is not a language code (two or three lower-case letters, e.g. "en")'),
    );
  });

  it('refuses an id that is taken, even by a deleted clause', () => {
    const ydoc = docWith('a');
    deleteClause(ydoc, 'a', origin);
    expect(() => insertClause(ydoc, { id: 'a', kind: 'clause' }, langs, null, origin)).toThrow(
      new RangeError('Cannot insert clause a: a clause with this id already exists'),
    );
  });

  it('refuses an id that is not URL-safe', () => {
    expect(() => insertClause(new Y.Doc(), { id: 'a/b', kind: 'clause' }, langs, null, origin)).toThrow(
      new RangeError('"a/b" is not a clause id (1 to 64 letters, digits, "_" or "-")'),
    );
  });

  it('refuses text that the schema does not allow, and writes nothing', () => {
    const ydoc = new Y.Doc();
    expect(() => insertClause(ydoc, { id: 'a', kind: 'clause', content: { en: doc() } }, langs, null, origin)).toThrow(
      /^The text of clause a in "en" is not a valid clause text: /,
    );
    expect(clausesMap(ydoc).size).toBe(0);
  });

  it('refuses to insert after a clause that is not in the order', () => {
    expect(() => insertClause(docWith('a'), { id: 'b', kind: 'clause' }, langs, 'zz', origin)).toThrow(
      new RangeError('Cannot insert clause b after clause zz: it is not in the document order'),
    );
  });

  it('refuses a transaction without an origin', () => {
    expect(() => insertClause(new Y.Doc(), { id: 'a', kind: 'clause' }, langs, null, null)).toThrow(
      new RangeError('Cannot insert a clause without a transaction origin: pass the origin of this change'),
    );
  });
});

describe('moveClause', () => {
  it('moves a clause after another, or to the front', () => {
    const ydoc = docWith('a', 'b', 'c');
    moveClause(ydoc, 'a', 'c', origin);
    expect(clauseOrder(ydoc)).toEqual(['b', 'c', 'a']);
    moveClause(ydoc, 'c', null, origin);
    expect(clauseOrder(ydoc)).toEqual(['c', 'b', 'a']);
  });

  it('is one transaction, so one undo step puts the clause back', () => {
    const ydoc = docWith('a', 'b', 'c');
    const undo = new Y.UndoManager(orderArray(ydoc), { trackedOrigins: new Set([origin]) });
    moveClause(ydoc, 'a', 'c', origin);
    undo.undo();
    expect(clauseOrder(ydoc)).toEqual(['a', 'b', 'c']);
  });

  it('refuses to move a clause after itself, a deleted clause, or after a deleted clause', () => {
    const ydoc = docWith('a', 'b', 'c');
    deleteClause(ydoc, 'c', origin);
    expect(() => moveClause(ydoc, 'a', 'a', origin)).toThrow(new RangeError('Cannot move clause a after itself'));
    expect(() => moveClause(ydoc, 'c', null, origin)).toThrow(new RangeError('Cannot move clause c: it is deleted'));
    expect(() => moveClause(ydoc, 'a', 'c', origin)).toThrow(new RangeError('Cannot move clause a after clause c: it is not in the document order'));
    expect(clauseOrder(ydoc)).toEqual(['a', 'b']);
  });
});

describe('deleteClause and restoreClause', () => {
  it('deletes a clause from the order and keeps its entry and text', () => {
    const ydoc = new Y.Doc();
    insertClause(ydoc, { id: 'a', kind: 'clause', content: { en: doc(p('kept')) } }, langs, null, origin);
    deleteClause(ydoc, 'a', origin);
    expect(clauseOrder(ydoc)).toEqual([]);
    expect(readClauseJSON(ydoc, 'a', 'en')).toEqual(doc(p('kept')));
  });

  it('restores a deleted clause where it is asked to go', () => {
    const ydoc = docWith('a', 'b', 'c');
    deleteClause(ydoc, 'b', origin);
    restoreClause(ydoc, 'b', 'c', origin);
    expect(clauseOrder(ydoc)).toEqual(['a', 'c', 'b']);
  });

  it('lets undo of a deletion bring the clause back in its place', () => {
    const ydoc = docWith('a', 'b', 'c');
    const undo = new Y.UndoManager(orderArray(ydoc), { trackedOrigins: new Set([origin]) });
    deleteClause(ydoc, 'b', origin);
    undo.undo();
    expect(clauseOrder(ydoc)).toEqual(['a', 'b', 'c']);
  });

  it('refuses to delete a deleted clause, restore a visible one, or touch an unknown one', () => {
    const ydoc = docWith('a');
    expect(() => restoreClause(ydoc, 'a', null, origin)).toThrow(new RangeError('Cannot restore clause a: it is not deleted'));
    deleteClause(ydoc, 'a', origin);
    expect(() => deleteClause(ydoc, 'a', origin)).toThrow(new RangeError('Cannot delete clause a: it is deleted'));
    expect(() => deleteClause(ydoc, 'x', origin)).toThrow(new RangeError('There is no clause x in this document'));
  });
});

describe('clauseOrder', () => {
  it('takes the first occurrence of an id and skips ids without a clause', () => {
    const ydoc = docWith('a', 'b');
    ydoc.transact(() => orderArray(ydoc).push(['a', 'ghost', 'b']), origin);
    expect(orderArray(ydoc).toArray()).toEqual(['a', 'b', 'a', 'ghost', 'b']);
    expect(clauseOrder(ydoc)).toEqual(['a', 'b']);
  });

  it('lists the visible clauses with their kinds for numbering', () => {
    const ydoc = new Y.Doc();
    insertClause(ydoc, { id: 'h', kind: 'heading' }, langs, null, origin);
    insertClause(ydoc, { id: 'p', kind: 'preamble' }, langs, null, origin);
    expect(clauseItems(ydoc)).toEqual([
      { id: 'p', kind: 'preamble' },
      { id: 'h', kind: 'heading' },
    ]);
  });

  it('names a clause whose stored kind is unknown', () => {
    const ydoc = docWith('a');
    ydoc.transact(() => getClause(ydoc, 'a')!.set('kind', 'annex'), origin);
    expect(() => clauseKind(ydoc, 'a')).toThrow(new RangeError('Clause a has the kind "annex", which is not one of preamble, heading, clause, final'));
  });

  it('lists a clause whose stored kind is unknown as an article, and says the stored kind is not valid', () => {
    const ydoc = docWith('a', 'b');
    ydoc.transact(() => getClause(ydoc, 'a')!.set('kind', 'bogus'), origin);
    expect(clauseItems(ydoc)).toEqual([
      { id: 'a', kind: UNKNOWN_KIND_READS_AS },
      { id: 'b', kind: 'clause' },
    ]);
    expect(storedClauseKind(ydoc, 'a')).toBeNull();
    expect(storedClauseKind(ydoc, 'b')).toBe('clause');
  });

  it('refuses to read a text nested deeper than MAX_TEXT_DEPTH, without exhausting the stack', () => {
    const ydoc = docWith('a');
    ydoc.transact(() => {
      let parent: Y.XmlFragment = clauseFragment(ydoc, 'a', 'en');
      for (let depth = 0; depth < 10_000; depth += 1) {
        const list = new Y.XmlElement('bullet_list');
        parent.insert(0, [list]);
        parent = list;
      }
    }, origin);
    expect(textDepth(clauseFragment(ydoc, 'a', 'en'))).toBe(10_000);
    expect(() => readClauseJSON(ydoc, 'a', 'en')).toThrow(new RangeError(`The text of clause a in "en" is nested deeper than ${MAX_TEXT_DEPTH} levels`));
    expect(readClauseJSON(ydoc, 'a', 'es')).toEqual(doc(p()));
  });
});

describe('clause ids', () => {
  it('makes new ids that are random and URL-safe', () => {
    const ids = new Set(Array.from({ length: 1000 }, newClauseId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^c_[0-9a-f]{16}$/);
  });

  it('derives the same id from the same document and key, and different ids otherwise', () => {
    expect(clauseIdFromKey('doc-1', 'article-1')).toBe(clauseIdFromKey('doc-1', 'article-1'));
    expect(clauseIdFromKey('doc-1', 'article-1')).toMatch(/^c_[0-9a-f]{16}$/);
    expect(clauseIdFromKey('doc-1', 'article-1')).not.toBe(clauseIdFromKey('doc-2', 'article-1'));
    expect(clauseIdFromKey('doc-1', 'article-1')).not.toBe(clauseIdFromKey('doc-1', 'article-2'));
  });
});
