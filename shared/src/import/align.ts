/**
 * Aligns the clause rows of several languages into preview rows. Neither language is the source:
 * rows are matched by what both files say about them — the kind of row (preamble, heading, or an
 * article), the number each file wrote, and, as a tie-breaker, how long the texts are — in order.
 *
 * The alignment is a weighted longest common subsequence (Needleman–Wunsch with no gap penalty):
 * a pair scores when the kinds agree and much more when the written numbers agree; rows whose
 * written numbers differ are never paired, so a clause missing from one file leaves exactly that
 * clause unpaired instead of shifting every pair after it. More than two languages are aligned one after the other against the rows so far.
 */
import type { ClauseKind } from '../yjs-layout';
import type { LanguageCode } from '../languages';
import { plainTextOf } from './text-of';
import type { ImportedClause, PreviewRow, RowText } from './types';

type KindClass = 'preamble' | 'heading' | 'article';

interface Item {
  kindClass: KindClass;
  number: string | null;
  length: number;
}

/** Above this many cells the alignment pairs in order instead (memory stays bounded for huge files). */
const MAX_CELLS = 4_000_000;

const kindClass = (kind: ClauseKind): KindClass => (kind === 'clause' || kind === 'final' ? 'article' : kind);

function describe(clause: { kind: ClauseKind; number: string | null; content: ImportedClause['content'] }): Item {
  return { kindClass: kindClass(clause.kind), number: clause.number, length: Math.max(1, plainTextOf(clause.content).length) };
}

/** The score of pairing a with b; null when they cannot be a pair. */
export function pairScore(a: Item, b: Item): number | null {
  if (a.kindClass !== b.kindClass) return null;
  let score = 2;
  // Two files that both number a clause and disagree are speaking of different clauses: never worth a pair.
  if (a.number !== null && b.number !== null) score += a.number === b.number ? 4 : -3;
  score += Math.max(0, 1 - Math.abs(Math.log(a.length / b.length)));
  return score;
}

/** Index pairs [i, j] (i into a, j into b; -1 for no counterpart), in document order. */
export function alignSequences(a: readonly Item[], b: readonly Item[]): Array<[number, number]> {
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return alignInOrder(a, b);
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
      const pair = pairScore(a[i - 1], b[j - 1]);
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

function rowItem(row: PreviewRow): Item {
  const texts = Object.values(row.texts).filter((text): text is RowText => text !== null);
  const number = texts.find((text) => text.number !== null)?.number ?? null;
  const length = texts.length > 0 ? Math.max(...texts.map((text) => plainTextOf(text.content).length), 1) : 1;
  return { kindClass: kindClass(row.kind), number, length };
}

const rowText = (clause: ImportedClause): RowText => ({ number: clause.number, content: clause.content });

/** Rows for the languages in order; a language with no file gets no text in any row. */
export function alignLanguages(languages: readonly LanguageCode[], files: Partial<Record<LanguageCode, readonly ImportedClause[]>>): PreviewRow[] {
  const present = languages.filter((lang) => files[lang] !== undefined);
  const empty = (): Record<LanguageCode, RowText | null> => Object.fromEntries(languages.map((lang) => [lang, null]));
  let rows: PreviewRow[] = [];
  for (const [n, lang] of present.entries()) {
    const clauses = files[lang] ?? [];
    if (n === 0) {
      rows = clauses.map((clause) => ({ id: '', kind: clause.kind, texts: { ...empty(), [lang]: rowText(clause) } }));
      continue;
    }
    const pairs = alignSequences(rows.map(rowItem), clauses.map(describe));
    rows = pairs.map(([i, j]) => {
      if (i >= 0 && j >= 0) {
        const row = rows[i];
        const kind: ClauseKind = row.kind === 'final' || clauses[j].kind === 'final' ? 'final' : row.kind;
        return { ...row, kind, texts: { ...row.texts, [lang]: rowText(clauses[j]) } };
      }
      if (i >= 0) return rows[i];
      return { id: '', kind: clauses[j].kind, texts: { ...empty(), [lang]: rowText(clauses[j]) } };
    });
  }
  return rows.map((row, index) => ({ ...row, id: `r${index + 1}` }));
}
