/**
 * Aligns the clause rows of several languages into preview rows. Neither language is the source, and
 * neither can be read against the other word for word (they are translations): rows are matched by
 * what both files say about them, in order —
 *   - the kind of row (preamble, heading, or an article): rows of different kinds are never paired;
 *   - what the texts share across the languages (similarity.ts: figures, dates, acronyms, names and
 *     cognates, weighted by rarity), article titles included;
 *   - how long they are, against the usual ratio between the two drafts;
 *   - the numbers the files wrote — but only as far as they carry information. When both files number
 *     their articles 1, 2, 3 … without a jump, a number says no more than the position: a draft that
 *     dropped Article 3 and renumbered calls the old Article 4 "3", and trusting it would pair every
 *     later article wrongly. Then numbers only break ties. When a file skips or repeats a number
 *     (Articles 1, 2, 4), the numbers are what it says and they weigh heavily.
 *
 * The alignment is a weighted longest common subsequence (Needleman–Wunsch, a gap costs nothing, a pair
 * scores above zero unless its numbers contradict it): a clause missing from one file leaves exactly
 * that clause on a row of its own, and every later clause still pairs with its true counterpart. More
 * than two languages are aligned one after the other against the rows so far. What remains doubtful
 * is reported row by row (review.ts).
 */
import type { ClauseKind } from '../yjs-layout';
import type { LanguageCode } from '../languages';
import { KeyTable, KeyWeights, featuresOf, lengthDeviation, similarity, usualLogRatio, type TextFeatures } from './similarity';
import type { ImportedClause, PreviewRow, RowText } from './types';

type KindClass = 'preamble' | 'heading' | 'article';

export interface Item {
  kindClass: KindClass;
  number: string | null;
  features: TextFeatures;
}

/** One side of an alignment: its items and the weights of their keys. */
export interface Side {
  items: readonly Item[];
  weights: KeyWeights;
}

/** Above this many cells the alignment pairs in order instead (memory stays bounded for huge files). */
const MAX_CELLS = 4_000_000;

const BASE = 2;
const CONTENT = 10;
const LENGTH = 1.5;
const TRUSTED_NUMBER_MATCH = 4;
const TRUSTED_NUMBER_CONFLICT = -5;
const TIE_BREAK = 0.3;

export const kindClass = (kind: ClauseKind): KindClass => (kind === 'clause' || kind === 'final' ? 'article' : kind);

/** Whether the numbers a file wrote on rows of this class run 1, 2, 3 … (from any start) with no jump. */
export function numbersRunInSequence(items: readonly Item[], cls: KindClass): boolean {
  const numbers = items.filter((item) => item.kindClass === cls && item.number !== null).map((item) => item.number!);
  for (let i = 1; i < numbers.length; i += 1) {
    if (!/^\d+$/.test(numbers[i]) || !/^\d+$/.test(numbers[i - 1]) || Number(numbers[i]) !== Number(numbers[i - 1]) + 1) return false;
  }
  return true;
}

export interface Scoring {
  a: Side;
  b: Side;
  logRatio: number;
  /** Per class: do the numbers carry information beyond the position (a jump or a repeat in either file)? */
  trusted: Record<KindClass, boolean>;
}

export function scoring(a: Side, b: Side): Scoring {
  const trusted = Object.fromEntries(
    (['preamble', 'heading', 'article'] as const).map((cls) => [cls, !(numbersRunInSequence(a.items, cls) && numbersRunInSequence(b.items, cls))]),
  ) as Record<KindClass, boolean>;
  return {
    a,
    b,
    logRatio: usualLogRatio(
      a.items.map((item) => item.features),
      b.items.map((item) => item.features),
    ),
    trusted,
  };
}

/** The score of pairing a with b; null when they cannot be a pair. */
export function pairScore(s: Scoring, a: Item, b: Item): number | null {
  if (a.kindClass !== b.kindClass) return null;
  let score = BASE + CONTENT * similarity(a.features, b.features, s.a.weights, s.b.weights);
  score += LENGTH * Math.max(0, 1 - lengthDeviation(a.features, b.features, s.logRatio) / Math.LN2);
  if (a.number !== null && b.number !== null) {
    if (s.trusted[a.kindClass]) score += a.number === b.number ? TRUSTED_NUMBER_MATCH : TRUSTED_NUMBER_CONFLICT;
    else if (a.number === b.number) score += TIE_BREAK;
  }
  return score;
}

/** Index pairs [i, j] (i into a, j into b; -1 for no counterpart), in document order. */
export function alignSequences(sideA: Side, sideB: Side): Array<[number, number]> {
  const [a, b] = [sideA.items, sideB.items];
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return alignInOrder(a, b);
  const s = scoring(sideA, sideB);
  const width = b.length + 1;
  const score = new Float64Array((a.length + 1) * width);
  // 0 = diagonal (pair), 1 = skip a[i], 2 = skip b[j]
  const move = new Uint8Array((a.length + 1) * width);
  for (let i = 1; i <= a.length; i += 1) move[i * width] = 1;
  for (let j = 1; j <= b.length; j += 1) move[j] = 2;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const up = score[(i - 1) * width + j];
      const left = score[i * width + j - 1];
      let best = up;
      let step = 1;
      if (left > best) {
        best = left;
        step = 2;
      }
      const pair = pairScore(s, a[i - 1], b[j - 1]);
      if (pair !== null && score[(i - 1) * width + j - 1] + pair > best) {
        best = score[(i - 1) * width + j - 1] + pair;
        step = 0;
      }
      score[i * width + j] = best;
      move[i * width + j] = step;
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    const step = move[i * width + j];
    if (step === 0) {
      pairs.push([i - 1, j - 1]);
      i -= 1;
      j -= 1;
    } else if (step === 1) {
      pairs.push([i - 1, -1]);
      i -= 1;
    } else {
      pairs.push([-1, j - 1]);
      j -= 1;
    }
  }
  return orderUnpaired(pairs.reverse());
}

/** Among consecutive unpaired entries, a's come before b's: a stable, readable order. */
function orderUnpaired(pairs: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let run: Array<[number, number]> = [];
  const flush = () => {
    out.push(...run.filter(([i]) => i >= 0), ...run.filter(([i]) => i < 0));
    run = [];
  };
  for (const pair of pairs) {
    if (pair[0] >= 0 && pair[1] >= 0) {
      flush();
      out.push(pair);
    } else run.push(pair);
  }
  flush();
  return out;
}

/** The fallback for very long files: pairs in order while the kinds agree. */
function alignInOrder(a: readonly Item[], b: readonly Item[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i].kindClass === b[j].kindClass) pairs.push([i++, j++]);
    else if (a[i].kindClass === 'preamble' || (a[i].kindClass === 'heading' && b[j].kindClass === 'article')) pairs.push([i++, -1]);
    else pairs.push([-1, j++]);
  }
  while (i < a.length) pairs.push([i++, -1]);
  while (j < b.length) pairs.push([-1, j++]);
  return pairs;
}

/** A row, for aligning the next language against it, is its first language's text. */
function rowText(row: PreviewRow): RowText | null {
  return Object.values(row.texts).find((text): text is RowText => text !== null) ?? null;
}

function side(texts: ReadonlyArray<{ kind: ClauseKind; text: RowText | null }>, table: KeyTable): Side {
  const items = texts.map(({ kind, text }) => ({
    kindClass: kindClass(kind),
    number: text?.number ?? null,
    features: featuresOf(text?.content ?? { type: 'doc' }, text?.title, table),
  }));
  return {
    items,
    weights: new KeyWeights(
      items.map((item) => item.features),
      table,
    ),
  };
}

const textOf = (clause: ImportedClause): RowText => {
  const text: RowText = { number: clause.number, content: clause.content };
  if (clause.title) text.title = clause.title;
  return text;
};

/** Rows for the languages in order; a language with no file gets no text in any row. */
export function alignLanguages(languages: readonly LanguageCode[], files: Partial<Record<LanguageCode, readonly ImportedClause[]>>): PreviewRow[] {
  const present = languages.filter((lang) => files[lang] !== undefined);
  const empty = (): Record<LanguageCode, RowText | null> => Object.fromEntries(languages.map((lang) => [lang, null]));
  let rows: PreviewRow[] = [];
  for (const [n, lang] of present.entries()) {
    const clauses = files[lang] ?? [];
    if (n === 0) {
      rows = clauses.map((clause) => ({ id: '', kind: clause.kind, texts: { ...empty(), [lang]: textOf(clause) } }));
      continue;
    }
    const table = new KeyTable();
    const pairs = alignSequences(
      side(
        rows.map((row) => ({ kind: row.kind, text: rowText(row) })),
        table,
      ),
      side(
        clauses.map((clause) => ({ kind: clause.kind, text: textOf(clause) })),
        table,
      ),
    );
    rows = pairs.map(([i, j]) => {
      if (i >= 0 && j >= 0) {
        const row = rows[i];
        const kind: ClauseKind = row.kind === 'final' || clauses[j].kind === 'final' ? 'final' : row.kind;
        return { ...row, kind, texts: { ...row.texts, [lang]: textOf(clauses[j]) } };
      }
      if (i >= 0) return rows[i];
      return { id: '', kind: clauses[j].kind, texts: { ...empty(), [lang]: textOf(clauses[j]) } };
    });
  }
  return rows.map((row, index) => ({ ...row, id: `r${index + 1}` }));
}
