/**
 * The outline's snippets (client/src/navigation/clause-snippets.ts) on a real Y.Doc: while someone
 * types, a read takes again only the clauses that changed since the last one, and still shows every
 * change; a change to the clauses themselves (one added) has all of them read again.
 */
import * as Y from 'yjs';
import { SnippetCache } from '../../../client/src/navigation/clause-snippets';
import { readClauseItems } from '../../../client/src/workspace/clause-items';
import { clausesMap, deleteClause } from '../../../shared/src/index';
import { clientOrigin, seedClauses, typeInto } from '../../utils/clause-edits';

function watched(ydoc: Y.Doc) {
  const cache = new SnippetCache(ydoc);
  const note = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => cache.note(events);
  clausesMap(ydoc).observeDeep(note);
  cache.watch(true);
  return cache;
}

describe('the outline snippets', () => {
  it('read again the clause typed in and keep the others as they were read', () => {
    const ydoc = new Y.Doc();
    const [first, second] = seedClauses(ydoc, 3);
    const cache = watched(ydoc);
    const before = cache.read(readClauseItems(ydoc), 'en');
    expect(before.get(first)).toBe('Article 1. The Parties shall cooperate.');

    typeInto(ydoc, second, 'en', ' Promptly.');
    const after = cache.read(readClauseItems(ydoc), 'en');
    expect(after.get(second)).toBe('Article 2. The Parties shall cooperate. Promptly.');
    expect(after.get(first)).toBe(before.get(first));

    // Read in the other language: all of them, in that language.
    expect(cache.read(readClauseItems(ydoc), 'es').get(first)).toBe('Artículo 1. Las Partes cooperarán.');
  });

  it('read everything again after a change to the clauses themselves, and none of a deleted one', () => {
    const ydoc = new Y.Doc();
    const [first, second, third] = seedClauses(ydoc, 3);
    const cache = watched(ydoc);
    cache.read(readClauseItems(ydoc), 'en');
    deleteClause(ydoc, second, clientOrigin);
    typeInto(ydoc, third, 'en', ' Now.');
    const after = cache.read(readClauseItems(ydoc), 'en');
    expect([...after.keys()]).toEqual([first, third]);
    expect(after.get(third)).toBe('Article 3. The Parties shall cooperate. Now.');
  });

  it('do not trust what was read before it watched the document', () => {
    const ydoc = new Y.Doc();
    const [first] = seedClauses(ydoc, 2);
    const cache = new SnippetCache(ydoc);
    cache.read(readClauseItems(ydoc), 'en');
    typeInto(ydoc, first, 'en', ' Unseen.'); // no one noted this change
    expect(cache.read(readClauseItems(ydoc), 'en').get(first)).toBe('Article 1. The Parties shall cooperate. Unseen.');
  });
});
