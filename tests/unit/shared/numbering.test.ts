import * as Y from 'yjs';
import { DEFAULT_LANGUAGES, type ClauseKind, clauseItems, deleteClause, insertClause, moveClause, numberClauses } from '../../../shared/src/index';

const items = (...kinds: ClauseKind[]) => kinds.map((kind, i) => ({ id: `k${i}`, kind }));

describe('numberClauses', () => {
  it('numbers headings as sections and clauses and final clauses as articles, continuously', () => {
    const numbers = numberClauses(items('preamble', 'preamble', 'heading', 'clause', 'clause', 'heading', 'clause', 'final'));
    expect([...numbers.entries()]).toEqual([
      ['k0', {}],
      ['k1', {}],
      ['k2', { section: 1 }],
      ['k3', { article: 1 }],
      ['k4', { article: 2 }],
      ['k5', { section: 2 }],
      ['k6', { article: 3 }],
      ['k7', { article: 4 }],
    ]);
  });

  it('gives nothing to number an empty document', () => {
    expect(numberClauses([]).size).toBe(0);
  });

  it('keeps the number of the first occurrence of an id listed twice', () => {
    const numbers = numberClauses([
      { id: 'a', kind: 'clause' },
      { id: 'b', kind: 'clause' },
      { id: 'a', kind: 'clause' },
    ]);
    expect(numbers.get('a')).toEqual({ article: 1 });
    expect(numbers.get('b')).toEqual({ article: 2 });
  });

  it('renumbers from the order alone when a clause is moved or deleted', () => {
    const ydoc = new Y.Doc();
    const origin = { kind: 'test' };
    insertClause(ydoc, { id: 'a', kind: 'clause' }, DEFAULT_LANGUAGES, null, origin);
    insertClause(ydoc, { id: 'b', kind: 'clause' }, DEFAULT_LANGUAGES, 'a', origin);
    insertClause(ydoc, { id: 'c', kind: 'clause' }, DEFAULT_LANGUAGES, 'b', origin);
    moveClause(ydoc, 'c', null, origin);
    deleteClause(ydoc, 'a', origin);
    const numbers = numberClauses(clauseItems(ydoc));
    expect(numbers.get('c')).toEqual({ article: 1 });
    expect(numbers.get('b')).toEqual({ article: 2 });
    expect(numbers.has('a')).toBe(false);
  });

  it('names an item whose kind is unknown', () => {
    expect(() => numberClauses([{ id: 'x', kind: 'annex' as ClauseKind }])).toThrow(new RangeError('Cannot number clause x: its kind "annex" is unknown'));
  });
});
