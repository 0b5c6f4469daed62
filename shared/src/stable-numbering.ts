/**
 * Stable numbering (issue 15): once the secretariat fixes the numbering at a version, the numbers of
 * that version's clauses no longer follow the order. Pure and synchronous: the server (exports, version
 * records, the redline) and every workspace derive the same numbers from the same inputs.
 *
 * Rules (tests cite them):
 *  [N1] Nothing fixed: exactly `numberClauses` (numbers from the order and the kinds).
 *  [N2] A clause named in the fixed map keeps its fixed number, wherever it now stands, as long as it is
 *       still of the same family (an article stays an article: 'clause' and 'final'; a heading a heading).
 *  [N3] Any other article takes the number of the last fixed article before it in document order
 *       with the next free Latin suffix of that number: "3 bis", "3 ter", "3 quater" … Suffixes are
 *       given in document order and never twice for one number, so two articles never share a number.
 *       An article before every fixed article is numbered after a virtual Article 0: "0 bis", "0 ter".
 *  [N4] A fixed article (or heading) no longer in the text leaves a placeholder "Article 5 [deleted]":
 *       it stands right before the first remaining fixed item of its family with a greater number, or
 *       after the last item when there is none.
 *  [N5] Headings (sections) follow [N2]–[N4] with their own numbers; preamble items have no number.
 *  [N6] Renumbering = fixing again at the text as it stands: `renumbering` lists old → new numbers.
 */
import { numberClauses, type ClauseNumber } from './numbering';
import type { ClauseKind } from './yjs-layout';

/** Clause id → its number as of the version at which the numbering was fixed (no suffixes in it). */
export type FixedNumbers = Record<string, ClauseNumber>;

/** A fixed number whose clause is gone [N4]: shown in place until the secretariat renumbers. */
export interface DeletedNumber {
  clauseId: string;
  kind: 'heading' | 'article';
  number: ClauseNumber;
  /** The visible item it stands before; null: after the last item. */
  beforeId: string | null;
}

export interface DerivedNumbering {
  numbers: Map<string, ClauseNumber>;
  deleted: DeletedNumber[];
}

/** The Latin suffixes of inserted provisions, the same in English and Spanish (1 = bis). */
export const LATIN_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
  'undecies',
  'duodecies',
  'terdecies',
  'quaterdecies',
  'quindecies',
  'sexdecies',
  'septdecies',
  'octodecies',
  'novodecies',
  'vicies',
] as const;

/** "bis" for 1, "ter" for 2 …; beyond the list, the plain count ("21") so that no number is ever lost. */
export function latinSuffix(index: number): string {
  return LATIN_SUFFIXES[index - 1] ?? String(index + 1);
}

/** "3", "3 bis", "0 ter": the number as it is printed after "Article" or "Section". */
export function numberText(base: number, suffix?: number): string {
  return suffix ? `${base} ${latinSuffix(suffix)}` : String(base);
}

type Family = 'article' | 'section';

function familyOf(kind: ClauseKind): Family | null {
  if (kind === 'heading') return 'section';
  if (kind === 'clause' || kind === 'final') return 'article';
  return null;
}

/** [N1]–[N5] The numbers of every visible item and the placeholders of deleted fixed ones. */
export function deriveNumbering(items: readonly { id: string; kind: ClauseKind }[], fixed: FixedNumbers | null | undefined): DerivedNumbering {
  if (!fixed) return { numbers: numberClauses(items), deleted: [] };
  const numbers = new Map<string, ClauseNumber>();
  const last: Record<Family, number> = { article: 0, section: 0 };
  const used: Record<Family, Map<number, number>> = { article: new Map(), section: new Map() };
  const present: Record<Family, Set<string>> = { article: new Set(), section: new Set() };
  for (const { id, kind } of items) {
    if (numbers.has(id)) continue;
    const family = familyOf(kind);
    if (family === null) {
      if (kind !== 'preamble') numberClauses([{ id, kind }]); // throws the same RangeError for an unknown kind
      numbers.set(id, {});
      continue;
    }
    const own = Object.hasOwn(fixed, id) ? fixed[id]?.[family] : undefined;
    if (own !== undefined) {
      numbers.set(id, { [family]: own });
      last[family] = own;
      present[family].add(id);
      continue;
    }
    const base = last[family];
    const suffix = (used[family].get(base) ?? 0) + 1;
    used[family].set(base, suffix);
    numbers.set(id, { [family]: base, suffix });
  }
  return { numbers, deleted: deletedNumbers(items, fixed, numbers, present) };
}

function deletedNumbers(
  items: readonly { id: string; kind: ClauseKind }[],
  fixed: FixedNumbers,
  numbers: Map<string, ClauseNumber>,
  present: Record<Family, Set<string>>,
): DeletedNumber[] {
  const deleted: Array<DeletedNumber & { order: number }> = [];
  for (const family of ['section', 'article'] as const) {
    const gone = Object.entries(fixed)
      .filter(([id, number]) => number[family] !== undefined && !present[family].has(id))
      .map(([id, number]) => ({ id, value: number[family]! }))
      .sort((a, b) => a.value - b.value);
    for (const { id, value } of gone) {
      const index = items.findIndex((item) => present[family].has(item.id) && (numbers.get(item.id)?.[family] ?? 0) > value);
      deleted.push({
        clauseId: id,
        kind: family === 'section' ? 'heading' : 'article',
        number: { [family]: value },
        beforeId: index === -1 ? null : items[index]!.id,
        order: value,
      });
    }
  }
  return deleted.map(({ order: _order, ...rest }) => rest);
}

export type NumberedRow<T> = { type: 'item'; item: T } | { type: 'deleted'; deleted: DeletedNumber };

/** The items in order with the placeholders of deleted numbers put in their place [N4]. */
export function withDeletedRows<T extends { id: string }>(items: readonly T[], deleted: readonly DeletedNumber[]): NumberedRow<T>[] {
  const rows: NumberedRow<T>[] = [];
  for (const item of items) {
    for (const d of deleted) if (d.beforeId === item.id) rows.push({ type: 'deleted', deleted: d });
    rows.push({ type: 'item', item });
  }
  for (const d of deleted) if (d.beforeId === null) rows.push({ type: 'deleted', deleted: d });
  return rows;
}

/** The plain numbers of a text, as a fixed map: what fixing the numbering at it stores. */
export function fixedNumbersOf(items: readonly { id: string; kind: ClauseKind }[]): FixedNumbers {
  const fixed: FixedNumbers = {};
  for (const [id, number] of numberClauses(items)) if (number.article !== undefined || number.section !== undefined) fixed[id] = number;
  return fixed;
}

export interface NumberChange {
  clauseId: string;
  from: ClauseNumber;
  /** Null: a deleted number that disappears. */
  to: ClauseNumber | null;
}

/** [N6] Every number that renumbering the text as it stands changes, in document order, then the deleted ones. */
export function renumbering(items: readonly { id: string; kind: ClauseKind }[], fixed: FixedNumbers | null | undefined): NumberChange[] {
  const current = deriveNumbering(items, fixed);
  const next = numberClauses(items);
  const changes: NumberChange[] = [];
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) continue;
    seen.add(id);
    const from = current.numbers.get(id) ?? {};
    const to = next.get(id) ?? {};
    if (!sameNumber(from, to)) changes.push({ clauseId: id, from, to });
  }
  for (const d of current.deleted) changes.push({ clauseId: d.clauseId, from: d.number, to: null });
  return changes;
}

export function sameNumber(a: ClauseNumber | undefined, b: ClauseNumber | undefined): boolean {
  return a?.article === b?.article && a?.section === b?.section && (a?.suffix ?? 0) === (b?.suffix ?? 0);
}
