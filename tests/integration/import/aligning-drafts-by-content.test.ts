/**
 * The demo Memorandum's Word drafts, where the Spanish one does not line up article by article with
 * the English one. Rows are paired by what the texts share (figures, dates, names, cognates), their
 * lengths and their kinds, not by the numbers a renumbered draft wrote; every row that remains
 * doubtful is reviewed, with its reason, and equal drafts leave nothing to review.
 */
import type { TestServer } from '../../utils/test-server';
import { memorandumDocx, withArticleSplit, withArticlesSwapped, withoutArticle } from '../../utils/memorandum-docx';
import { demoClauses, type DemoClause } from '../../../server/src/demo/memorandum';
import { plainTextOf, reviewRows, rowsToCheck, type PreviewRow } from '../../../shared/src/import';
import { newNegotiation, signIn, startImportServer, type Person } from './support';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const LANGUAGES = ['en', 'es'];

let server: TestServer;
let secretariat: Person;

beforeAll(async () => {
  server = await startImportServer();
  secretariat = await signIn(server, 'secretariat@demo.test');
});
afterAll(async () => {
  await server.stop();
});

async function preview(
  en: readonly DemoClause[],
  es: readonly DemoClause[],
): Promise<{ rows: PreviewRow[]; entries: Array<{ rowId: string; issue: unknown }> }> {
  const documentId = await newNegotiation(secretariat, 'Memorandum');
  const answer = await secretariat.upload(`/api/documents/${documentId}/import/preview`, {
    en: { name: 'Memorandum (EN).docx', bytes: await memorandumDocx('en', en), type: DOCX },
    es: { name: 'Memorando (ES).docx', bytes: await memorandumDocx('es', es), type: DOCX },
  });
  expect(answer.status).toBe(201);
  return { rows: answer.body.preview.rows, entries: answer.body.preview.report.entries };
}

const firstText = (blocks: DemoClause['en']) => (blocks[0].type === 'paragraph' ? blocks[0].text : blocks[0].items[0]);

/** Which demo clause a text comes from: the one whose first paragraph it starts with (or, for a split half, contains). */
function keyOf(lang: 'en' | 'es', text: PreviewRow['texts'][string], clauses: readonly DemoClause[]): string | null {
  if (!text) return null;
  const plain = plainTextOf(text.content);
  const found = clauses.find((clause) => plain.startsWith(firstText(clause[lang])));
  if (!found) throw new Error(`No demo clause starts like ${JSON.stringify(plain.slice(0, 60))}`);
  return found.key;
}

const pairs = (rows: PreviewRow[], en: readonly DemoClause[], es: readonly DemoClause[]) =>
  rows.map((row) => [keyOf('en', row.texts.en, en), keyOf('es', row.texts.es, es)]);

it('pairs every article after one the Spanish draft dropped (and renumbered) with its true counterpart, and leaves a flagged gap row', async () => {
  const es = withoutArticle(3);
  const { rows, entries } = await preview(demoClauses, es);
  const dropped = demoClauses.find((clause) => clause.key === 'trafficking-operations')!;
  expect(pairs(rows, demoClauses, es)).toEqual(demoClauses.map((clause) => [clause.key, clause === dropped ? null : clause.key]));
  const gap = rows.findIndex((row) => row.texts.es === null);
  expect(rows[gap].texts.en?.number).toBe('3');
  // The Spanish draft numbers the next article 3: the pairing is by content, the numbers differ.
  expect([rows[gap + 1].texts.en?.number, rows[gap + 1].texts.es?.number]).toEqual(['4', '3']);
  expect(entries).toContainEqual({ rowId: rows[gap].id, index: gap, kind: 'clause', issue: { code: 'missing', languages: ['es'] } });

  const reviews = reviewRows(rows, LANGUAGES);
  // Only the gap needs checking; the renumbered rows after it are noted, not doubted.
  expect(rowsToCheck(reviews).map((review) => [review.rowId, review.doubts])).toEqual([[rows[gap].id, [{ code: 'gap', languages: ['es'], continues: null }]]]);
  expect(reviews.filter((review) => review.renumbered)).toHaveLength(
    rows.length - gap - 1 - demoClauses.slice(gap + 1).filter((c) => c.kind === 'heading').length,
  );
});

it('pairs an article the Spanish draft split in two with one half, and leaves the other on a gap row that names the row it belongs with', async () => {
  const es = withArticleSplit(29, 'es');
  const { rows } = await preview(demoClauses, es);
  const found = pairs(rows, demoClauses, es);
  const halves = found.flatMap((pair, index) => (pair[1]?.startsWith('final-effect-discontinuation-') ? [index] : []));
  expect(halves).toHaveLength(2);
  const [first, second] = halves;
  expect(second).toBe(first + 1);
  // Every other row pairs with its counterpart; of the two halves, one pairs with the English article and one is a gap.
  const others = found.filter((_, index) => !halves.includes(index));
  expect(others.every(([en, es]) => en !== null && en === es)).toBe(true);
  expect(halves.map((index) => found[index][0]).sort()).toEqual(['final-effect-discontinuation', null].sort());
  const gap = halves.find((index) => rows[index].texts.en === null)!;
  const paired = halves.find((index) => index !== gap)!;
  const toCheck = rowsToCheck(reviewRows(rows, LANGUAGES));
  expect(toCheck.map((review) => review.rowId)).toEqual([rows[gap].id]);
  expect(toCheck[0].doubts).toEqual([{ code: 'gap', languages: ['en'], continues: { rowId: rows[paired].id, index: paired, language: 'es' } }]);
  // The article after the split one pairs with its counterpart, numbered 30 in English and 31 in Spanish.
  expect([rows[second + 1].texts.en?.number, rows[second + 1].texts.es?.number]).toEqual(['30', '31']);
});

it.each([
  [12, 13],
  [8, 9],
  [24, 25],
])('flags the rows of articles %i and %i, which the Spanish draft swapped, and pairs every other row with its counterpart', async (x, y) => {
  const es = withArticlesSwapped(x, y);
  const { rows } = await preview(demoClauses, es);
  const found = pairs(rows, demoClauses, es);
  const article = (n: number) => demoClauses.filter((clause) => clause.kind === 'clause' || clause.kind === 'final')[n - 1].key;
  const swapped = [article(x), article(y)];
  const involved = found.flatMap(([en, es], index) => (swapped.includes(en ?? '') || swapped.includes(es ?? '') ? [index] : []));
  expect(found.filter((_, index) => !involved.includes(index)).every(([en, es]) => en !== null && en === es)).toBe(true);
  const toCheck = rowsToCheck(reviewRows(rows, LANGUAGES));
  // Every row the swap touches is flagged, unless its own texts are a true pair; no other row is.
  const wrong = involved.filter((index) => found[index][0] !== found[index][1]);
  expect(wrong.length).toBeGreaterThan(0);
  expect(toCheck.map((review) => review.index)).toEqual(wrong);
  for (const review of toCheck) expect(review.doubts.map((doubt) => doubt.code)).toEqual([expect.stringMatching(/^(gap|neighbour)$/)]);
});

it('flags a pair whose texts carry different figures, naming them, and no other row', async () => {
  const es = demoClauses.map((clause) =>
    clause.key === 'preamble-joint-statement'
      ? { ...clause, es: clause.es.map((block) => (block.type === 'paragraph' ? { ...block, text: block.text.replace('2019', '2026') } : block)) }
      : clause,
  );
  const { rows } = await preview(demoClauses, es);
  const index = demoClauses.findIndex((clause) => clause.key === 'preamble-joint-statement');
  expect(rowsToCheck(reviewRows(rows, LANGUAGES)).map((review) => [review.index, review.doubts])).toEqual([
    [index, [{ code: 'tokens', only: { en: ['2019'], es: ['2026'] } }]],
  ]);
});

it('pairs equal drafts row by row and finds nothing to check', async () => {
  const { rows, entries } = await preview(demoClauses, demoClauses);
  expect(pairs(rows, demoClauses, demoClauses)).toEqual(demoClauses.map((clause) => [clause.key, clause.key]));
  expect(entries).toEqual([]);
  expect(reviewRows(rows, LANGUAGES)).toEqual([]);
});
