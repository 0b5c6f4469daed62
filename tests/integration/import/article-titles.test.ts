/**
 * Article titles in the drafts — "Article 1. Purpose" on the label's line, or "Purpose" in a heading
 * style on the line under a bare "Artículo 1" — are read as titles, not as the first paragraph of the
 * body: the preview shows them apart, and the import writes each as the clause's heading line (its
 * first paragraph, in bold; docs/document-model.md), the body after it.
 */
import type { TestServer } from '../../utils/test-server';
import { memorandumDocx } from '../../utils/memorandum-docx';
import { demoClauses } from '../../../server/src/demo/memorandum';
import { plainTextOf, reviewRows, type PreviewRow } from '../../../shared/src/import';
import { newNegotiation, signIn, startImportServer, storedClauses, type Person } from './support';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const TITLES = {
  purpose: { en: 'Purpose', es: 'Objeto' },
  'trafficking-intent': { en: 'Capacity Building', es: 'Fortalecimiento de Capacidades' },
  'final-signature': { en: 'Signature', es: 'Firma' },
};

let server: TestServer;
let secretariat: Person;
let documentId: string;
let rows: PreviewRow[];
let previewId: string;

beforeAll(async () => {
  server = await startImportServer();
  secretariat = await signIn(server, 'secretariat@demo.test');
  documentId = await newNegotiation(secretariat, 'Memorandum');
  const answer = await secretariat.upload(`/api/documents/${documentId}/import/preview`, {
    en: { name: 'Memorandum (EN).docx', bytes: await memorandumDocx('en', demoClauses, { titles: TITLES, titleStyle: 'label-line' }), type: DOCX },
    es: { name: 'Memorando (ES).docx', bytes: await memorandumDocx('es', demoClauses, { titles: TITLES, titleStyle: 'own-line' }), type: DOCX },
  });
  expect(answer.status).toBe(201);
  rows = answer.body.preview.rows;
  previewId = answer.body.preview.id;
});
afterAll(async () => {
  await server.stop();
});

const indexOf = (key: string) => demoClauses.findIndex((clause) => clause.key === key);
const firstParagraph = (key: string, lang: 'en' | 'es') => {
  const block = demoClauses[indexOf(key)][lang][0];
  return block.type === 'paragraph' ? block.text : '';
};

it('reads a title on the label’s line and a title on a line of its own apart from the body, in the row of the demo’s clause', () => {
  expect(rows).toHaveLength(demoClauses.length);
  for (const [key, title] of Object.entries(TITLES)) {
    const row = rows[indexOf(key)];
    expect([plainTextOf(row.texts.en!.title!), plainTextOf(row.texts.es!.title!)]).toEqual([title.en, title.es]);
    expect(plainTextOf(row.texts.en!.content).startsWith(firstParagraph(key, 'en'))).toBe(true);
    expect(plainTextOf(row.texts.es!.content).startsWith(firstParagraph(key, 'es'))).toBe(true);
  }
  // Articles without a title have none; a heading line under "Artículo 1" did not become a section heading.
  expect(rows.filter((row) => row.texts.en?.title || row.texts.es?.title)).toHaveLength(Object.keys(TITLES).length);
  expect(rows.map((row) => row.kind)).toEqual(demoClauses.map((clause) => clause.kind));
  expect(reviewRows(rows, ['en', 'es'])).toEqual([]);
});

it('imports each title as the clause’s heading line, in bold, with the body after it', async () => {
  const answer = await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId, mode: 'replace' });
  expect(answer.status).toBe(200);
  const stored = await storedClauses(server, documentId);
  for (const [key, title] of Object.entries(TITLES)) {
    for (const lang of ['en', 'es'] as const) {
      const [heading, body] = stored[indexOf(key)].text[lang].content!;
      expect(heading).toEqual({ type: 'paragraph', content: [{ type: 'text', text: title[lang], marks: [{ type: 'strong' }] }] });
      expect(plainTextOf(body as never)).toBe(firstParagraph(key, lang));
    }
  }
  const untitled = stored[indexOf('trafficking-operations')].text.en.content!;
  expect(plainTextOf(untitled[0] as never)).toBe(firstParagraph('trafficking-operations', 'en'));
});
