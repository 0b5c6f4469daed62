/**
 * The demo Memorandum, exported as two Word files (English and Spanish), imported into a new
 * negotiation, gives back the demo's clause structure: the same kinds in the same order and the
 * same text in both languages, lists included.
 */
import type { TestServer } from '../../utils/test-server';
import { memorandumDocx } from '../../utils/memorandum-docx';
import { demoClauses } from '../../../server/src/demo/memorandum';
import { blocksToDoc } from '../../../server/src/demo/seed-demo';
import { canonicalJSON } from '../../../shared/src/canonical';
import type { NodeJSON } from '../../../shared/src/schema';
import { newNegotiation, signIn, startImportServer, storedClauses, type Person } from './support';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let server: TestServer;
let secretariat: Person;
let files: { en: Buffer; es: Buffer };

beforeAll(async () => {
  server = await startImportServer();
  secretariat = await signIn(server, 'secretariat@demo.test');
  files = { en: await memorandumDocx('en'), es: await memorandumDocx('es') };
});
afterAll(async () => {
  await server.stop();
});

const upload = (documentId: string) =>
  secretariat.upload(`/api/documents/${documentId}/import/preview`, {
    en: { name: 'Memorandum (EN).docx', bytes: files.en, type: DOCX },
    es: { name: 'Memorando (ES).docx', bytes: files.es, type: DOCX },
  });

it('previews the two files as the demo’s rows, aligned, with the titles found in the files', async () => {
  const documentId = await newNegotiation(secretariat, 'Memorandum');
  const answer = await upload(documentId);
  expect(answer.status).toBe(201);
  const { preview } = answer.body;
  expect(preview.report.aligned).toBe(true);
  expect(preview.report.entries).toEqual([]);
  expect(preview.rows.map((row: { kind: string }) => row.kind)).toEqual(demoClauses.map((clause) => clause.kind));
  expect(preview.report.counts.en).toEqual(preview.report.counts.es);
  expect(preview.title.en).toMatch(/^Memorandum of Cooperation on Regional Security/);
  expect(preview.title.es).toMatch(/^Memorando de Cooperación sobre Seguridad Regional/);
  expect(preview.files.map((file: { name: string; format: string; structure: string }) => [file.name, file.format, file.structure])).toEqual([
    ['Memorandum (EN).docx', 'docx', 'articles'],
    ['Memorando (ES).docx', 'docx', 'articles'],
  ]);
});

it('imports them into a new negotiation with the same clause structure and text as the demo', async () => {
  const documentId = await newNegotiation(secretariat, 'Memorandum');
  const { preview } = (await upload(documentId)).body;
  const confirmed = await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId: preview.id, mode: 'replace' });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.clauseIds).toHaveLength(demoClauses.length);
  expect(confirmed.body.flagged).toEqual([]);

  const stored = await storedClauses(server, documentId);
  expect(stored).toEqual(
    demoClauses.map((clause) => ({
      kind: clause.kind,
      text: { en: canonicalJSON(blocksToDoc(clause.en) as NodeJSON), es: canonicalJSON(blocksToDoc(clause.es) as NodeJSON) },
    })),
  );
});

it('records the preview and the import as audit events naming the files', async () => {
  const documentId = await newNegotiation(secretariat, 'Memorandum');
  const { preview } = (await upload(documentId)).body;
  await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId: preview.id, mode: 'replace' });
  const { rows } = await server.concordia.db.pool.query<{ action: string; subject: { files?: Array<{ name: string; sha256: string }> } }>(
    'SELECT action, subject FROM audit_events WHERE document_id = $1 ORDER BY id',
    [documentId],
  );
  expect(rows.map((row) => row.action)).toEqual(['document.created', 'import.previewed', 'document.imported']);
  expect(rows[2].subject.files?.map((file) => file.name)).toEqual(['Memorandum (EN).docx', 'Memorando (ES).docx']);
  expect(rows[2].subject.files?.[0].sha256).toMatch(/^[0-9a-f]{64}$/);
});

it('appends a second import after the text already there, and a used preview cannot be confirmed twice', async () => {
  const documentId = await newNegotiation(secretariat, 'Memorandum');
  const first = (await upload(documentId)).body.preview;
  await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId: first.id, mode: 'replace' });
  const again = await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId: first.id, mode: 'append' });
  expect(again.status).toBe(410);
  expect(again.body.error.code).toBe('import_preview_expired');

  const second = (await upload(documentId)).body.preview;
  const appended = await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId: second.id, mode: 'append' });
  expect(appended.status).toBe(200);
  const stored = await storedClauses(server, documentId);
  expect(stored).toHaveLength(demoClauses.length * 2);
  expect(stored.slice(demoClauses.length)).toEqual(stored.slice(0, demoClauses.length));
});

it('replaces the text of the demo draft, which has no approval yet, and live editors receive it', async () => {
  const documentId = server.concordia.demo!.documentId;
  const live = await server.concordia.collab.registry.open(documentId);
  const { preview } = (await upload(documentId)).body;
  const answer = await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId: preview.id, mode: 'replace' });
  expect(answer.status).toBe(200);
  const stored = await storedClauses(server, documentId);
  expect(stored.map((clause) => clause.kind)).toEqual(demoClauses.map((clause) => clause.kind));
  const { rows } = await server.concordia.db.pool.query<{ origin: string }>(
    'SELECT origin FROM document_updates WHERE document_id = $1 ORDER BY id DESC LIMIT 1',
    [documentId],
  );
  expect(rows[0].origin).toBe('import');
  expect(live.doc.getArray('order').length).toBeGreaterThanOrEqual(demoClauses.length);
});
