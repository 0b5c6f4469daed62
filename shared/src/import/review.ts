/**
 * Which rows of a preview the person should check before importing, and why — derived from the rows
 * each time (after every correction too), never stored. A row is doubtful when
 *   - it has no text in some language (`gap`); when it reads as the rest of the row before or after
 *     (an article one draft split in two), the doubt names that row, so the person can merge it;
 *   - its numbers differ while a file numbers its articles with a jump or a repeat (`numbers`). When
 *     both files number in sequence, a difference is a renumbering (a draft dropped an article, and
 *     each later one is numbered one less): the pairing is by content then, and that is only noted.
 *     Whether a file numbers in sequence is read from the rows as the files gave them, so that
 *     leaving a row out does not turn every later one doubtful;
 *   - one text is far longer than the other, beyond the usual ratio between the drafts (`lengths`);
 *   - one text has figures, dates or acronyms the other lacks (`tokens`);
 *   - the text of a neighbouring row fits better than its own (`neighbour`).
 * The first language with a text on a row is the one the others are compared with.
 */
import type { LanguageCode } from '../languages';
import { KeyTable, KeyWeights, featuresOf, lengthDeviation, similarity, usualLogRatio, type TextFeatures } from './similarity';
import { kindClass } from './align';
import type { PairingDoubt, PreviewRow, RowReview } from './types';

/** A text this much longer than the usual ratio (×2.2) is doubtful, if both are long enough to tell. */
const LENGTH_DOUBT = Math.log(2.2);
const LENGTH_MIN_CHARS = 60;
/** A neighbour's text must fit this much better, and fit at all, to cast a doubt. */
const NEIGHBOUR_MARGIN = 0.12;
const NEIGHBOUR_MIN = 0.15;
/** A gap row continues its neighbour when the joined text fits the other language's this much better. */
const CONTINUES_GAIN = Math.log(1.4);
const CONTINUES_MAX = Math.log(1.6);

interface Context {
  languages: readonly LanguageCode[];
  features: Array<Record<LanguageCode, TextFeatures | null>>;
  weights: Record<LanguageCode, KeyWeights>;
  /** ln(length in lang / length in the first language), over the whole preview. */
  logRatio: Record<LanguageCode, number>;
}

function contextOf(rows: readonly PreviewRow[], languages: readonly LanguageCode[]): Context {
  const table = new KeyTable();
  const features = rows.map((row) =>
    Object.fromEntries(languages.map((lang) => [lang, row.texts[lang] ? featuresOf(row.texts[lang]!.content, row.texts[lang]!.title, table) : null])),
  );
  const of = (lang: LanguageCode) => features.map((f) => f[lang]).filter((f): f is TextFeatures => f !== null);
  const weights = Object.fromEntries(languages.map((lang) => [lang, new KeyWeights(of(lang), table)]));
  const logRatio = Object.fromEntries(languages.map((lang) => [lang, usualLogRatio(of(languages[0]), of(lang))]));
  return { languages, features, weights, logRatio };
}

const ratioBetween = (ctx: Context, from: LanguageCode, to: LanguageCode) => ctx.logRatio[to] - ctx.logRatio[from];

/**
 * The rows whose pairing needs a look, in order, with their reasons; rows with nothing to say are left
 * out. `asRead` are the rows as the files gave them, before any correction (by default, `rows`).
 */
export function reviewRows(rows: readonly PreviewRow[], languages: readonly LanguageCode[], asRead: readonly PreviewRow[] = rows): RowReview[] {
  if (rows.length === 0 || languages.length === 0) return [];
  const ctx = contextOf(rows, languages);
  const inSequence = languages.every((lang) => numberedInSequence(asRead, lang));
  const continuations = rows.map((_, index) => continuesNeighbour(rows, index, ctx));
  const all: RowReview[] = [];
  rows.forEach((row, index) => {
    const doubts: PairingDoubt[] = [];
    const present = languages.filter((lang) => row.texts[lang]);
    const missing = languages.filter((lang) => !row.texts[lang]);
    if (missing.length > 0 && present.length > 0) doubts.push({ code: 'gap', languages: missing, continues: continuations[index] });
    if (missing.length > 0 && present.length === 0) doubts.push({ code: 'gap', languages: missing, continues: null });
    let renumbered = false;
    const numbered = present.filter((lang) => row.texts[lang]!.number !== null);
    if (new Set(numbered.map((lang) => row.texts[lang]!.number)).size > 1) {
      if (kindClass(row.kind) === 'article' && inSequence) renumbered = true;
      else doubts.push({ code: 'numbers', numbers: Object.fromEntries(languages.map((lang) => [lang, row.texts[lang]?.number ?? null])) });
    }
    const [reference, ...others] = present;
    for (const lang of others) doubts.push(...pairDoubts(rows, index, reference, lang, ctx, continuations));
    all[index] = { rowId: row.id, index, doubts, renumbered };
  });
  // Two texts that fit each other's rows better were swapped: both rows are doubtful, whichever was seen first.
  for (const review of all) {
    for (const doubt of review.doubts) {
      if (doubt.code !== 'neighbour') continue;
      const other = all[doubt.index];
      if (!other.doubts.some((d) => d.code === 'neighbour' && d.index === review.index)) {
        other.doubts.push({ code: 'neighbour', language: doubt.language, rowId: review.rowId, index: review.index });
      }
    }
  }
  return all.filter((review) => review.doubts.length > 0 || review.renumbered);
}

/** The rows whose pairing the person must confirm (or correct) before importing. */
export function rowsToCheck(reviews: readonly RowReview[]): RowReview[] {
  return reviews.filter((review) => review.doubts.length > 0);
}

function pairDoubts(
  rows: readonly PreviewRow[],
  index: number,
  reference: LanguageCode,
  lang: LanguageCode,
  ctx: Context,
  continuations: ReadonlyArray<{ rowId: string } | null>,
): PairingDoubt[] {
  const doubts: PairingDoubt[] = [];
  const a = ctx.features[index][reference]!;
  const b = ctx.features[index][lang]!;
  const deviation = lengthDeviation(a, b, ratioBetween(ctx, reference, lang));
  if (deviation > LENGTH_DOUBT && Math.min(a.length, b.length) >= LENGTH_MIN_CHARS / 2 && Math.max(a.length, b.length) >= LENGTH_MIN_CHARS) {
    const longer = b.length * Math.exp(-ratioBetween(ctx, reference, lang)) > a.length ? lang : reference;
    doubts.push({ code: 'lengths', language: longer, ratio: Math.round(Math.exp(deviation) * 10) / 10 });
  }
  const onlyA = a.marks.filter((mark) => !b.marks.includes(mark) && (/^\d+$/.test(mark) || ctx.weights[lang].usesMark(mark)));
  const onlyB = b.marks.filter((mark) => !a.marks.includes(mark) && (/^\d+$/.test(mark) || ctx.weights[reference].usesMark(mark)));
  if (onlyA.length > 0 || onlyB.length > 0) doubts.push({ code: 'tokens', only: { [reference]: onlyA, [lang]: onlyB } });
  const own = similarity(a, b, ctx.weights[reference], ctx.weights[lang]);
  for (const other of [index - 1, index + 1]) {
    const neighbour = rows[other];
    const theirs = neighbour ? ctx.features[other][lang] : null;
    if (!neighbour || !theirs || kindClass(neighbour.kind) !== kindClass(rows[index].kind)) continue;
    // A gap row that reads as the rest of this one says so itself (and how to merge it): no second doubt here.
    if (continuations[other]?.rowId === rows[index].id) continue;
    const fit = similarity(a, theirs, ctx.weights[reference], ctx.weights[lang]);
    if (fit >= NEIGHBOUR_MIN && fit > own + NEIGHBOUR_MARGIN) {
      doubts.push({ code: 'neighbour', language: lang, rowId: neighbour.id, index: other });
      break;
    }
  }
  return doubts;
}

/**
 * A row with text in one language only, next to a paired row: is it the rest of that row's text in
 * this language (one draft split an article in two)? It is when the two texts together match the
 * other language's length much better than the paired text alone.
 */
function continuesNeighbour(rows: readonly PreviewRow[], index: number, ctx: Context): { rowId: string; index: number; language: LanguageCode } | null {
  const row = rows[index];
  const present = ctx.languages.filter((lang) => row.texts[lang]);
  if (present.length !== 1) return null;
  const [lang] = present;
  const mine = ctx.features[index][lang]!;
  for (const other of [index - 1, index + 1]) {
    const neighbour = rows[other];
    if (!neighbour || kindClass(neighbour.kind) !== kindClass(row.kind) || !neighbour.texts[lang]) continue;
    const references = ctx.languages.filter((l) => l !== lang && neighbour.texts[l]);
    if (references.length === 0) continue;
    const reference = references[0];
    const theirs = ctx.features[other][lang]!;
    const target = ctx.features[other][reference]!;
    const ratio = ratioBetween(ctx, reference, lang);
    const alone = lengthDeviation(target, theirs, ratio);
    const joined = lengthDeviation(target, theirs.length + mine.length, ratio);
    if (joined < CONTINUES_MAX && joined + CONTINUES_GAIN < alone) return { rowId: neighbour.id, index: other, language: lang };
  }
  return null;
}

/** Whether a file numbered its articles 1, 2, 3 … (from any start) with no jump or repeat. */
function numberedInSequence(rows: readonly PreviewRow[], lang: LanguageCode): boolean {
  const numbers = rows.flatMap((row) => (kindClass(row.kind) === 'article' && row.texts[lang]?.number != null ? [row.texts[lang]!.number!] : []));
  return numbers.every((number, i) => /^\d+$/.test(number) && (i === 0 || Number(number) === Number(numbers[i - 1]) + 1));
}
