/**
 * POST /api/verify is public: a file built to exhaust it is answered (unreadable, or an unknown
 * fingerprint) without the server inflating it past the largest record an export carries, without
 * serialising and hashing a record whose fingerprint nobody took here, and without its event loop
 * doing any of it — the check runs on a worker thread. And one address checks only so many files.
 * A real server process (before: a 1 MB PDF took 1.9 GB more; a 25 MB JSON stalled every request 3.7 s).
 */
import zlib from 'node:zlib';
import { spawnServer, type SpawnedServer } from '../../utils/spawn-server';
import { spawnedServerStage } from '../../utils/spawned-server-database';
import { probeReadyz, peakMemoryMiB } from '../../utils/responsiveness';
import { zipOf } from '../../utils/bad-import-files';

jest.setTimeout(180_000);

const RESPONSIVE_MS = 2_000;
/** Ten times the largest record an export may carry (25 MiB): before, all of it was inflated. */
const BOMB_BYTES = 256 * 1024 * 1024;

const stage = spawnedServerStage();
let server: SpawnedServer;

beforeAll(async () => {
  server = await spawnServer({ ...stage.database.env, DEMO: '0', LOG_LEVEL: 'warn', VERIFY_MAX_PER_ADDRESS: '6' });
  stage.servers.push(server);
  baselineMiB = peakMemoryMiB(server.child.pid!);
});
/** The server's peak memory before any hostile file: with the embedded database it holds PGlite too. */
let baselineMiB: number | null = null;

/** A verification, or an error. */
interface VerifyBody {
  genuine?: boolean;
  failure?: string | null;
  problems: string[];
  registered?: unknown;
  error: { code: string; message: string };
}

async function verify(bytes: Buffer): Promise<{ status: number; body: VerifyBody; headers: Headers }> {
  const response = await fetch(`${server.url}/api/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', origin: server.url },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as VerifyBody, headers: response.headers };
}

async function verifyWhileProbed(bytes: Buffer) {
  const probe = probeReadyz(server.url);
  const answer = await verify(bytes);
  const { slowestMs, answered, failed } = await probe.stop();
  expect({ answered: answered > 0, failed }).toEqual({ answered: true, failed: 0 });
  return { answer, slowestMs };
}

/** A PDF as our exporter writes one, whose attached file inflates to 256 MiB of spaces (1 MB on disk). */
function pdfBomb(): Buffer {
  const bomb = zlib.deflateSync(Buffer.alloc(BOMB_BYTES, 0x20), { level: 9 });
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /EmbeddedFile /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`, 'latin1'),
    bomb,
    Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
  ]);
}

/** A DOCX whose Concordia record part inflates to 256 MiB. */
function docxBomb(): Buffer {
  return zipOf([
    { name: 'word/document.xml', content: Buffer.from('<w:document/>') },
    { name: 'customXml/item1.xml', content: Buffer.alloc(BOMB_BYTES, 0x41) },
  ]);
}

/** A 25 MB JSON envelope whose fingerprint no version here has. */
function hugeUnknownEnvelope(): Buffer {
  const clauses = Array.from({ length: 120_000 }, (_, i) => ({ id: `c_${i}`, texts: { en: 'x'.repeat(150) } }));
  return Buffer.from(
    JSON.stringify({
      exporter: 'concordia.export.v2',
      fingerprint: 'ab'.repeat(32),
      layout: null,
      record: { document: { id: 'd', title: { en: 'T' } }, version: { id: 'v', kind: 'frozen', name: null, takenAt: '2024-01-01T00:00:00Z' }, clauses },
    }),
  );
}

it('answers a PDF whose attachment inflates to 256 MiB as unreadable, inflating no more than a record may hold', async () => {
  const { answer, slowestMs } = await verifyWhileProbed(pdfBomb());
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ genuine: false, failure: 'unreadable' });
  expect(answer.body.problems[0]).toMatch(/inflates to more than/);
  expect(slowestMs).toBeLessThan(RESPONSIVE_MS);
});

it('answers a DOCX whose record part inflates to 256 MiB as unreadable', async () => {
  const { answer, slowestMs } = await verifyWhileProbed(docxBomb());
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ genuine: false, failure: 'unreadable' });
  expect(answer.body.problems[0]).toMatch(/inflates to more than/);
  expect(slowestMs).toBeLessThan(RESPONSIVE_MS);
});

it('answers a 25 MB record with an unknown fingerprint as unknown, off the event loop', async () => {
  const { answer, slowestMs } = await verifyWhileProbed(hugeUnknownEnvelope());
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ genuine: false, failure: 'unknown_fingerprint', registered: null });
  expect(slowestMs).toBeLessThan(RESPONSIVE_MS);
});

it('survived with its memory bounded', () => {
  expect(server.child.exitCode).toBeNull();
  const peak = peakMemoryMiB(server.child.pid!);
  // What the hostile files cost above the server's own peak: at most the verification thread's 512 MiB
  // heap and the buffers of a 25 MiB upload. Before, the PDF alone added 1.9 GB.
  if (peak !== null && baselineMiB !== null) {
    console.log(`verification memory: peak ${peak} MiB, ${peak - baselineMiB} MiB above the server's ${baselineMiB} MiB before the files`);
    expect(peak - baselineMiB).toBeLessThan(600);
  }
});

it('refuses more checks from one address than VERIFY_MAX_PER_ADDRESS in a window, in the reader’s language', async () => {
  const small = Buffer.from('{"not":"an export"}');
  let answer = await verify(small);
  for (let i = 0; i < 10 && answer.status !== 429; i += 1) answer = await verify(small);
  expect(answer.status).toBe(429);
  expect(answer.body.error.code).toBe('verify_rate_limited');
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  const spanish = await fetch(`${server.url}/api/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', origin: server.url, 'accept-language': 'es' },
    body: new Uint8Array(small),
  }).then((r) => r.json() as Promise<VerifyBody>);
  expect(spanish.error.message).toMatch(/^Se comprobaron demasiados archivos desde su dirección/);
});
