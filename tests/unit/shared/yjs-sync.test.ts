import * as Y from 'yjs';
import { DEFAULT_LANGUAGES, clauseOrder, deleteClause, insertClause, moveClause, orderArray, readClauseJSON, restoreClause } from '../../../shared/src/index';
import { doc, p } from './builders';

const origin = { kind: 'test' };

/** Two peers that start from the same state and exchange their full updates when `sync` is called. */
function twoPeers(...ids: string[]): { left: Y.Doc; right: Y.Doc; sync: () => void } {
  const left = new Y.Doc();
  let after: string | null = null;
  for (const id of ids) {
    insertClause(left, { id, kind: 'clause', content: { en: doc(p(`text of ${id}`)) } }, DEFAULT_LANGUAGES, after, origin);
    after = id;
  }
  const right = new Y.Doc();
  const sync = () => {
    const fromLeft = Y.encodeStateAsUpdate(left, Y.encodeStateVector(right));
    const fromRight = Y.encodeStateAsUpdate(right, Y.encodeStateVector(left));
    Y.applyUpdate(right, fromLeft);
    Y.applyUpdate(left, fromRight);
  };
  sync();
  return { left, right, sync };
}

describe('two peers', () => {
  it('see the same clauses, order and text after syncing', () => {
    const { right } = twoPeers('a', 'b');
    expect(clauseOrder(right)).toEqual(['a', 'b']);
    expect(readClauseJSON(right, 'b', 'en')).toEqual(doc(p('text of b')));
  });

  it('keep both clauses when each inserts one after the same clause', () => {
    const { left, right, sync } = twoPeers('a', 'b');
    insertClause(left, { id: 'x', kind: 'clause' }, DEFAULT_LANGUAGES, 'a', origin);
    insertClause(right, { id: 'y', kind: 'clause' }, DEFAULT_LANGUAGES, 'a', origin);
    sync();
    const order = clauseOrder(left);
    expect(order).toEqual(clauseOrder(right));
    expect(order).toHaveLength(4);
    expect(order[0]).toBe('a');
    expect(order.slice(1, 3).sort()).toEqual(['x', 'y']);
    expect(order[3]).toBe('b');
  });

  it('agree on one place for a clause both moved at once, the first occurrence', () => {
    const { left, right, sync } = twoPeers('a', 'b', 'c', 'd');
    moveClause(left, 'a', 'b', origin);
    moveClause(right, 'a', 'd', origin);
    sync();
    expect(
      orderArray(left)
        .toArray()
        .filter((id) => id === 'a'),
    ).toHaveLength(2);
    expect(clauseOrder(left)).toEqual(clauseOrder(right));
    expect(clauseOrder(left)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('clean up a duplicated id the next time the clause is moved', () => {
    const { left, right, sync } = twoPeers('a', 'b', 'c');
    moveClause(left, 'a', 'b', origin);
    moveClause(right, 'a', 'c', origin);
    sync();
    moveClause(left, 'a', 'c', origin);
    sync();
    expect(orderArray(right).toArray()).toEqual(['b', 'c', 'a']);
  });

  it('keep a clause one peer moved while the other deleted it', () => {
    const { left, right, sync } = twoPeers('a', 'b', 'c');
    deleteClause(left, 'a', origin);
    moveClause(right, 'a', 'c', origin);
    sync();
    expect(clauseOrder(left)).toEqual(['b', 'c', 'a']);
    expect(clauseOrder(right)).toEqual(['b', 'c', 'a']);
  });

  it('see a deleted clause restored by the other peer, with its text intact', () => {
    const { left, right, sync } = twoPeers('a', 'b');
    deleteClause(left, 'a', origin);
    sync();
    expect(clauseOrder(right)).toEqual(['b']);
    restoreClause(right, 'a', 'b', origin);
    sync();
    expect(clauseOrder(left)).toEqual(['b', 'a']);
    expect(readClauseJSON(left, 'a', 'en')).toEqual(doc(p('text of a')));
  });
});
