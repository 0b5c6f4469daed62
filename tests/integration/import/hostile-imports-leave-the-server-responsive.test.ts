/**
 * Files built to exhaust the server are refused with the limit they pass, and while they are read the
 * server keeps answering everyone: imports are read on a worker thread, with limits on inflated bytes,
 * XML elements, paragraphs and clauses, and clauses are written in time linear in their number.
 * A real server process, so that a stalled event loop or a heap exhausted shows as it would in use
 * (before: 46 s of stall and 4.6 GB for the empty-paragraph DOCX; 46.5 s for the confirmation of 162k articles).
 */
import { spawnServer, type SpawnedServer } from '../../utils/spawn-server';
import { spawnedServerStage } from '../../utils/spawned-server-database';
import { signIn, type Person } from '../../utils/people';
import { probeReadyz, peakMemoryMiB } from '../../utils/responsiveness';
import { emptyParagraphsDocx, lyingSizesDocx, manyArticlesText, manyParagraphsDocx } from '../../utils/bad-import-files';
import { newNegotiation } from './support';
import { IMPORT_LIMITS } from '../../../server/src/import/import-limits';

jest.setTimeout(240_000);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Generous: the machine is shared; the stalls this guards against were tens of seconds. */
const RESPONSIVE_MS = 2_000;

const stage = spawnedServerStage();
let server: SpawnedServer;
let secretariat: Person;
let documentId: string;

beforeAll(async () => {
  server = await spawnServer({ ...stage.database.env, DEMO: '1', LOG_LEVEL: 'warn' });
  stage.servers.push(server);
  secretariat = await signIn(server, 'secretariat@demo.test');
  documentId = await newNegotiation(secretariat);
});

async function whileProbed<T>(work: () => Promise<T>): Promise<{ result: T; slowestMs: number; answered: number }> {
  const probe = probeReadyz(server.url);
  const result = await work();
  const { slowestMs, answered, failed } = await probe.stop();
  expect(failed).toBe(0);
  return { result, slowestMs, answered };
}

const HOSTILE: Array<[string, () => { name: string; bytes: Buffer; type: string }, number, string]> = [
  [
    'a 45 KB DOCX of five million empty paragraphs (30 MB of XML)',
    () => ({ name: 'empty.docx', bytes: emptyParagraphsDocx(5_000_000), type: DOCX }),
    422,
    'import_too_complex',
  ],
  ['a DOCX of 100,000 paragraphs', () => ({ name: 'long.docx', bytes: manyParagraphsDocx(100_000), type: DOCX }), 422, 'import_too_many_paragraphs'],
  [
    'a DOCX whose directory says 2 KB for 100 MB of XML',
    () => ({ name: 'lying.docx', bytes: lyingSizesDocx(100 * 1024 * 1024), type: DOCX }),
    400,
    'import_not_docx',
  ],
  ['a text of 162,000 articles', () => ({ name: 'articles.txt', bytes: manyArticlesText(162_000), type: 'text/plain' }), 422, 'import_too_many_paragraphs'],
  [
    `a text of ${IMPORT_LIMITS.clauses + 1} articles`,
    () => ({ name: 'one-too-many.txt', bytes: manyArticlesText(IMPORT_LIMITS.clauses + 1), type: 'text/plain' }),
    422,
    'import_too_many_clauses',
  ],
];

describe.each(HOSTILE)('%s', (_title, make, status, code) => {
  it(`is refused with ${code}, naming the file, while /readyz keeps answering`, async () => {
    const file = make();
    const { result: answer, slowestMs, answered } = await whileProbed(() => secretariat.upload(`/api/documents/${documentId}/import/preview`, { en: file }));
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
    expect(answer.body.error.message).toContain(file.name);
    expect(answered).toBeGreaterThan(0);
    expect(slowestMs).toBeLessThan(RESPONSIVE_MS);
    expect(server.child.exitCode).toBeNull();
  });
});

it('tells a Spanish reader which limit the file passes', async () => {
  await secretariat.request('PATCH', '/api/me', { uiLanguage: 'es' });
  try {
    const spanish = await secretariat.upload(`/api/documents/${documentId}/import/preview`, {
      es: { name: 'vacío.docx', bytes: emptyParagraphsDocx(1_000_000), type: DOCX },
    });
    expect(spanish.body.error.message).toBe(
      `«vacío.docx» es demasiado complejo para importarlo: contiene más de ${IMPORT_LIMITS.xmlElements} elementos XML. Quite los párrafos vacíos, o divida el documento en archivos más pequeños e impórtelos uno tras otro.`,
    );
  } finally {
    await secretariat.request('PATCH', '/api/me', { uiLanguage: 'en' });
  }
});

it(`imports ${IMPORT_LIMITS.clauses} articles, at the limit, while /readyz keeps answering through the preview and the confirmation`, async () => {
  const file = { name: 'long-agreement.txt', bytes: manyArticlesText(IMPORT_LIMITS.clauses), type: 'text/plain' };
  const preview = await whileProbed(() => secretariat.upload(`/api/documents/${documentId}/import/preview`, { en: file }));
  expect(preview.result.status).toBe(201);
  expect(preview.result.body.preview.rows).toHaveLength(IMPORT_LIMITS.clauses);
  expect(preview.slowestMs).toBeLessThan(RESPONSIVE_MS);

  const confirm = await whileProbed(() =>
    secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId: preview.result.body.preview.id, mode: 'replace', operations: [] }),
  );
  expect(confirm.result.status).toBe(200);
  expect(confirm.result.body.clauseIds).toHaveLength(IMPORT_LIMITS.clauses);
  expect(confirm.slowestMs).toBeLessThan(RESPONSIVE_MS);
});

it('survived every file with its memory bounded', () => {
  expect(server.child.exitCode).toBeNull();
  const peak = peakMemoryMiB(server.child.pid!);
  // The reading thread's heap is capped at IMPORT_LIMITS.heapMb; before, one file took 4.6 GB or the whole process.
  if (peak !== null) expect(peak).toBeLessThan(IMPORT_LIMITS.heapMb + 1_500);
});
