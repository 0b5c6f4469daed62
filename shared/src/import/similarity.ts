/**
 * How much two clause texts in different languages look like the same clause, without translating
 * them. Drafts of one agreement in two languages share more than it seems:
 *   - marks: figures and dates ("2019", "20"; a month name in either language counts as its number)
 *     and acronyms ("DHS", "CBP"), which a faithful text carries over unchanged;
 *   - stems: the first five letters of longer words, accents dropped, which catch proper names
 *     ("Guatemala") and the cognates of legal vocabulary ("cooperation" / "cooperación",
 *     "information" / "información").
 * Each key is weighted by how rare it is in its own file (inverse document frequency), so words every
 * clause uses ("Participants") say nothing and a name only two clauses share says a lot. The score is
 * a weighted Dice coefficient, from 0 (nothing in common) to 1.
 */
import { plainTextOf } from './text-of';
import type { NodeJSON } from '../schema';

export interface TextFeatures {
  /** Characters of the body text (at least 1): the title is left out, its length says little. */
  length: number;
  /** Sorted, distinct key ids (see KeyTable). */
  keys: Int32Array;
  /** The figures and acronyms of the text, as written: what `tokens` doubts name. */
  marks: string[];
}

const MONTHS: Record<string, number> = Object.fromEntries(
  [
    // Not "may" (the verb) nor "marco" (Spanish for framework).
    ['january', 'enero', 'janvier', 'janeiro'],
    ['february', 'febrero', 'fevrier', 'fevereiro'],
    ['march', 'marzo', 'mars'],
    ['april', 'abril', 'avril'],
    ['mayo', 'maio'],
    ['june', 'junio', 'juin', 'junho'],
    ['july', 'julio', 'juillet', 'julho'],
    ['august', 'agosto', 'aout'],
    ['september', 'septiembre', 'setiembre', 'septembre', 'setembro'],
    ['october', 'octubre', 'octobre', 'outubro'],
    ['november', 'noviembre', 'novembre', 'novembro'],
    ['december', 'diciembre', 'decembre', 'dezembro'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1])),
);

const ROMAN = /^[IVXLCDM]+$/;
const STEM = 5;
/** Marks weigh more than stems: a figure or an acronym is carried over exactly, a stem only often. */
const MARK_WEIGHT = 2;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Interns keys as small integers, so that comparing two texts is a merge of two sorted arrays. */
export class KeyTable {
  private readonly ids = new Map<string, number>();

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** The marks of a text: figures (leading zeros dropped) and acronyms, in order of appearance, distinct. */
export function marksOf(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    // A line in capitals ("FINAL PROVISIONS", "SCOPE") is a heading, not a row of acronyms.
    const capitals = !/\p{Ll}/u.test(line);
    for (const match of line.matchAll(/\p{L}+|\d+/gu)) {
      const token = match[0];
      if (/^\d+$/.test(token)) out.add(String(Number(token)));
      else if (!capitals && token.length >= 2 && token.length <= 6 && token === token.toUpperCase() && token !== token.toLowerCase() && !ROMAN.test(token))
        out.add(token);
    }
  }
  return [...out];
}

export function featuresOf(content: NodeJSON, title: NodeJSON | null | undefined, table: KeyTable): TextFeatures {
  const body = plainTextOf(content);
  const text = title ? `${plainTextOf(title)}\n${body}` : body;
  const marks = marksOf(text);
  const keys = new Set<number>(marks.map((mark) => table.id(`#${mark}`)));
  for (const word of fold(text).match(/\p{L}+/gu) ?? []) {
    const month = MONTHS[word];
    if (month !== undefined) keys.add(table.id(`@${month}`));
    else if (word.length >= STEM) keys.add(table.id(word.slice(0, STEM)));
  }
  return { length: Math.max(1, body.trim().length), keys: Int32Array.from([...keys].sort((a, b) => a - b)), marks };
}

/** The weights of one file's keys: rarer in that file, heavier. */
export class KeyWeights {
  private readonly weight = new Map<number, number>();
  private readonly markIds: Set<number>;

  constructor(
    texts: readonly TextFeatures[],
    private readonly table: KeyTable,
  ) {
    const df = new Map<number, number>();
    for (const text of texts) for (const key of text.keys) df.set(key, (df.get(key) ?? 0) + 1);
    const n = texts.length;
    for (const [key, count] of df) this.weight.set(key, Math.log(1 + n / count));
    this.markIds = new Set(texts.flatMap((text) => text.marks.map((mark) => table.id(`#${mark}`))));
  }

  of(key: number): number {
    const base = this.weight.get(key) ?? Math.log(2);
    return this.markIds.has(key) ? base * MARK_WEIGHT : base;
  }

  private readonly cache = new WeakMap<TextFeatures, { weights: Float64Array; total: number }>();

  /** The weights of a text's keys, in the order of its keys, and their sum (computed once per text). */
  weightsOf(text: TextFeatures): { weights: Float64Array; total: number } {
    let found = this.cache.get(text);
    if (!found) {
      const weights = Float64Array.from(text.keys, (key) => this.of(key));
      found = { weights, total: weights.reduce((sum, w) => sum + w, 0) };
      this.cache.set(text, found);
    }
    return found;
  }

  /** Whether the file uses this mark anywhere (then its absence from one clause means something). */
  usesMark(mark: string): boolean {
    return this.markIds.has(this.table.id(`#${mark}`));
  }
}

/** Weighted Dice coefficient of the two texts' keys, 0 … 1. */
export function similarity(a: TextFeatures, b: TextFeatures, weightsA: KeyWeights, weightsB: KeyWeights): number {
  const wa = weightsA.weightsOf(a);
  const wb = weightsB.weightsOf(b);
  if (wa.total === 0 || wb.total === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.keys.length && j < b.keys.length) {
    if (a.keys[i] === b.keys[j]) {
      shared += wa.weights[i] + wb.weights[j];
      i += 1;
      j += 1;
    } else if (a.keys[i] < b.keys[j]) i += 1;
    else j += 1;
  }
  return shared / (wa.total + wb.total);
}

/** ln(total length of b / total length of a): how much longer one draft usually runs than the other. */
export function usualLogRatio(a: readonly TextFeatures[], b: readonly TextFeatures[]): number {
  const sum = (texts: readonly TextFeatures[]) => texts.reduce((total, text) => total + text.length, 0);
  const [ta, tb] = [sum(a), sum(b)];
  return ta > 0 && tb > 0 ? Math.log(tb / ta) : 0;
}

/** How far the lengths of a pair stray from the usual ratio, as |ln| (0 = exactly the usual ratio). */
export function lengthDeviation(a: TextFeatures | number, b: TextFeatures | number, logRatio: number): number {
  const la = typeof a === 'number' ? a : a.length;
  const lb = typeof b === 'number' ? b : b.length;
  return Math.abs(Math.log(Math.max(1, lb) / Math.max(1, la)) - logRatio);
}
