import { describe, expect, it } from '@jest/globals';
import { numberClauses } from '../../../shared/src/numbering';
import {
  deriveNumbering,
  fixedNumbersOf,
  latinSuffix,
  numberText,
  renumbering,
  withDeletedRows,
  type FixedNumbers,
} from '../../../shared/src/stable-numbering';
import type { ClauseKind } from '../../../shared/src/yjs-layout';

type Item = { id: string; kind: ClauseKind };
const items = (...spec: string[]): Item[] =>
  spec.map((entry) => {
    const [id, kind] = entry.split(':') as [string, ClauseKind | undefined];
    return { id, kind: kind ?? 'clause' };
  });
const text = (numbering: ReturnType<typeof deriveNumbering>, id: string): string => {
  const n = numbering.numbers.get(id)!;
  const base = n.article ?? n.section;
  return base === undefined ? '' : numberText(base, n.suffix);
};
/** Fixed at a version of: preamble p, heading h1, articles a1..a5. */
const base = items('p:preamble', 'h1:heading', 'a1', 'a2', 'a3', 'a4', 'a5');
const fixed: FixedNumbers = fixedNumbersOf(base);

describe('stable numbering', () => {
  it('[N1] numbers exactly as numberClauses while nothing is fixed', () => {
    const list = items('p:preamble', 'h:heading', 'a', 'b:final', 'h2:heading', 'c');
    expect(deriveNumbering(list, null)).toEqual({ numbers: numberClauses(list), deleted: [] });
    expect(deriveNumbering(list, undefined).numbers).toEqual(numberClauses(list));
  });

  it('stores plain numbers of the fixed version, preamble left out', () => {
    expect(fixed).toEqual({ h1: { section: 1 }, a1: { article: 1 }, a2: { article: 2 }, a3: { article: 3 }, a4: { article: 4 }, a5: { article: 5 } });
    expect(deriveNumbering(base, fixed)).toEqual({ numbers: numberClauses(base), deleted: [] });
  });

  it('[N3] numbers articles inserted after Article 3 bis, ter, quater, and later ones keep their numbers', () => {
    const now = items('p:preamble', 'h1:heading', 'a1', 'a2', 'a3', 'n1', 'n2', 'n3', 'a4', 'a5', 'n4');
    const derived = deriveNumbering(now, fixed);
    expect(['a3', 'n1', 'n2', 'n3', 'a4', 'a5', 'n4'].map((id) => text(derived, id))).toEqual(['3', '3 bis', '3 ter', '3 quater', '4', '5', '5 bis']);
    expect(derived.numbers.get('p')).toEqual({});
    expect(derived.deleted).toEqual([]);
  });

  it('spells the Latin suffixes and falls back to a count beyond them', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(latinSuffix)).toEqual(['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies']);
    expect(latinSuffix(40)).toBe('41');
    expect(numberText(3)).toBe('3');
    expect(numberText(3, 2)).toBe('3 ter');
  });

  it('[N3] numbers an article inserted before the first fixed one 0 bis', () => {
    const derived = deriveNumbering(items('p:preamble', 'h1:heading', 'n1', 'n2', 'a1', 'a2', 'a3', 'a4', 'a5'), fixed);
    expect(text(derived, 'n1')).toBe('0 bis');
    expect(text(derived, 'n2')).toBe('0 ter');
    expect(text(derived, 'a1')).toBe('1');
  });

  it('[N4] leaves a deleted article in place until renumbered', () => {
    const now = items('p:preamble', 'h1:heading', 'a1', 'a2', 'a3', 'a4');
    const derived = deriveNumbering(
      now.filter((i) => i.id !== 'a3'),
      fixed,
    );
    expect(text(derived, 'a4')).toBe('4');
    expect(derived.deleted).toEqual([
      { clauseId: 'a3', kind: 'article', number: { article: 3 }, beforeId: 'a4' },
      { clauseId: 'a5', kind: 'article', number: { article: 5 }, beforeId: null },
    ]);
    const rows = withDeletedRows(
      now.filter((i) => i.id !== 'a3'),
      derived.deleted,
    );
    expect(rows.map((r) => (r.type === 'item' ? r.item.id : `[${r.deleted.number.article}]`))).toEqual(['p', 'h1', 'a1', 'a2', '[3]', 'a4', '[5]']);
  });

  it('[N4] puts a deleted article after the articles inserted before it', () => {
    const derived = deriveNumbering(items('h1:heading', 'a1', 'a2', 'n1', 'a4', 'a5'), fixed);
    expect(text(derived, 'n1')).toBe('2 bis');
    expect(derived.deleted).toEqual([{ clauseId: 'a3', kind: 'article', number: { article: 3 }, beforeId: 'a4' }]);
  });

  it('[N2] keeps the number of a moved article and never gives one number twice', () => {
    const derived = deriveNumbering(items('h1:heading', 'a1', 'a5', 'n1', 'a2', 'a3', 'a4', 'n2', 'n3'), fixed);
    expect(['a1', 'a5', 'n1', 'a2', 'a3', 'a4', 'n2', 'n3'].map((id) => text(derived, id))).toEqual(['1', '5', '5 bis', '2', '3', '4', '4 bis', '4 ter']);
    const moved = deriveNumbering(items('h1:heading', 'a1', 'a3', 'n1', 'a2', 'n2', 'a4', 'a5'), fixed);
    expect(['n1', 'n2'].map((id) => text(moved, id))).toEqual(['3 bis', '2 bis']);
  });

  it('[N2] an article turned into a heading is a new heading and its article number is deleted', () => {
    const derived = deriveNumbering(items('h1:heading', 'a1', 'a2:heading', 'a3', 'a4', 'a5'), fixed);
    expect(derived.numbers.get('a2')).toEqual({ section: 1, suffix: 1 });
    expect(derived.deleted).toEqual([{ clauseId: 'a2', kind: 'article', number: { article: 2 }, beforeId: 'a3' }]);
  });

  it('[N5] numbers new and deleted headings the same way', () => {
    const two = fixedNumbersOf(items('h1:heading', 'a1', 'h2:heading', 'a2', 'h3:heading', 'a3'));
    const derived = deriveNumbering(items('h1:heading', 'a1', 'hn:heading', 'a2', 'h3:heading', 'a3'), two);
    expect(derived.numbers.get('hn')).toEqual({ section: 1, suffix: 1 });
    expect(derived.numbers.get('h3')).toEqual({ section: 3 });
    expect(derived.numbers.get('a2')).toEqual({ article: 2 });
    expect(derived.deleted).toEqual([{ clauseId: 'h2', kind: 'heading', number: { section: 2 }, beforeId: 'h3' }]);
  });

  it('[N6] lists old → new numbers on renumbering, deleted ones last', () => {
    const now = items('p:preamble', 'h1:heading', 'a1', 'n1', 'a2', 'a4', 'a5');
    expect(renumbering(now, fixed)).toEqual([
      { clauseId: 'n1', from: { article: 1, suffix: 1 }, to: { article: 2 } },
      { clauseId: 'a2', from: { article: 2 }, to: { article: 3 } },
      { clauseId: 'a3', from: { article: 3 }, to: null },
    ]);
    // After renumbering (fixing again at the text as it stands), nothing changes any more.
    expect(renumbering(now, fixedNumbersOf(now))).toEqual([]);
    expect(deriveNumbering(now, fixedNumbersOf(now)).numbers).toEqual(numberClauses(now));
  });

  it('reads an unknown kind as numberClauses does and ignores ids listed twice', () => {
    expect(() => deriveNumbering([{ id: 'x', kind: 'annex' as ClauseKind }], fixed)).toThrow(RangeError);
    const derived = deriveNumbering(items('a1', 'n1', 'n1', 'a2', 'a3', 'a4', 'a5', 'h1:heading'), fixed);
    expect(text(derived, 'n1')).toBe('1 bis');
    expect(derived.deleted).toEqual([]);
  });
});
