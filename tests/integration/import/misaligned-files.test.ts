/**
 * Two files that do not line up: the preview says where, the secretariat's corrections are applied
 * to the stored preview, and rows left without a counterpart import empty in that language, flagged.
 */
import type { TestServer } from '../../utils/test-server';
import { newNegotiation, signIn, startImportServer, storedClauses, type Person } from './support';

const EN = [
  'The Participants,',
  '',
  'Article 1. They cooperate.',
  '',
  'Article 2. They share information.',
  '',
  'Article 3. They meet yearly.',
  '',
  'Article 4. They review progress.',
  'They report to the capitals.',
].join('\n');
// No article 2; article 4 is written as two articles (4 and 5); an extra recital.
const ES = [
  'Los Participantes,',
  '',
  'Recordando la Declaración;',
  '',
  'Artículo 1. Cooperan.',
  '',
  'Artículo 3. Se reúnen cada año.',
  '',
  'Artículo 4. Examinan los avances.',
  '',
  'Artículo 5. Informan a las capitales.',
].join('\n');

let server: TestServer;
let secretariat: Person;

beforeAll(async () => {
  server = await startImportServer();
  secretariat = await signIn(server, 'secretariat@demo.test');
});
afterAll(async () => {
  await server.stop();
});

async function preview(documentId: string) {
  const answer = await secretariat.upload(`/api/documents/${documentId}/import/preview`, {
    en: { name: 'plan-en.txt', bytes: EN, type: 'text/plain' },
    es: { name: 'plan-es.md', bytes: ES, type: 'text/markdown' },
  });
  expect(answer.status).toBe(201);
  return answer.body.preview;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const cell = (text: any) => (text ? `${text.number ?? '·'}` : '—');

it('reports each row that has no counterpart, and the clause counts of each file', async () => {
  const documentId = await newNegotiation(secretariat);
  const result = await preview(documentId);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(result.rows.map((row: any) => [row.kind, cell(row.texts.en), cell(row.texts.es)])).toEqual([
    ['preamble', '·', '·'],
    ['preamble', '—', '·'],
    ['clause', '1', '1'],
    ['clause', '2', '—'],
    ['clause', '3', '3'],
    ['clause', '4', '4'],
    ['clause', '—', '5'],
  ]);
  expect(result.report.aligned).toBe(false);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(result.report.entries.map((entry: any) => [entry.rowId, entry.issue])).toEqual([
    ['r2', { code: 'missing', languages: ['en'] }],
    ['r4', { code: 'missing', languages: ['es'] }],
    ['r7', { code: 'missing', languages: ['en'] }],
  ]);
  expect(result.report.counts).toEqual({ en: { preamble: 1, heading: 0, clause: 4, final: 0 }, es: { preamble: 2, heading: 0, clause: 4, final: 0 } });
});

it('imports the corrected rows: merged, split and paired as the secretariat chose, the rest flagged', async () => {
  const documentId = await newNegotiation(secretariat);
  const result = await preview(documentId);
  const answer = await secretariat.request('POST', `/api/documents/${documentId}/import`, {
    previewId: result.id,
    mode: 'replace',
    operations: [
      { op: 'merge', row: 'r6', language: 'es' }, // Spanish 4 and 5 are English 4
      { op: 'set_kind', row: 'r6', kind: 'final' },
    ],
  });
  expect(answer.status).toBe(200);
  const stored = await storedClauses(server, documentId);
  const plain = (node: { content?: Array<{ content?: Array<{ text?: string }> }> }) =>
    (node.content ?? []).map((p) => (p.content ?? []).map((t) => t.text).join('')).join(' / ');
  expect(stored.map((clause) => [clause.kind, plain(clause.text.en), plain(clause.text.es)])).toEqual([
    ['preamble', 'The Participants,', 'Los Participantes,'],
    ['preamble', '', 'Recordando la Declaración;'],
    ['clause', 'They cooperate.', 'Cooperan.'],
    ['clause', 'They share information.', ''],
    ['clause', 'They meet yearly.', 'Se reúnen cada año.'],
    ['final', 'They review progress. They report to the capitals.', 'Examinan los avances. / Informan a las capitales.'],
  ]);
  expect(answer.body.flagged).toEqual([
    { clauseId: answer.body.clauseIds[1], missing: ['en'] },
    { clauseId: answer.body.clauseIds[3], missing: ['es'] },
  ]);
  const flags = await secretariat.request('GET', `/api/documents/${documentId}/import/flags`);
  expect(flags.body.clauses).toEqual(answer.body.flagged);
});

it('refuses corrections that do not fit the preview, and writes nothing', async () => {
  const documentId = await newNegotiation(secretariat);
  const result = await preview(documentId);
  const answer = await secretariat.request('POST', `/api/documents/${documentId}/import`, {
    previewId: result.id,
    mode: 'replace',
    operations: [{ op: 'pair', rows: ['r1', 'r3'] }],
  });
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe('import_correction_invalid');
  expect(await storedClauses(server, documentId)).toEqual([]);
});
