/**
 * Exports of the signed version — PDF, DOCX (both layouts), JSON, Akoma Ntoso — are deterministic
 * and verifiable: whoever holds a file can check it offline (`npm run verify`) or against the server
 * (POST /api/verify, GET /api/verify/:fingerprint). The genuine file passes; a flipped byte, a changed
 * word, a removed clause and swapped languages fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { approveEverything, download, freeze, startWorld, type World } from './support';
import { verifyFile } from '../../../server/src/exports/verify-file';
import { envelopeBytes, parseEnvelope, type ExportEnvelope } from '../../../server/src/exports/envelope';
import { originalFor, renderEnvelope, renderExport } from '../../../server/src/exports/render-export';
import { plainText } from '../../../shared/src/canonical';
import { versionFingerprint } from '../../../shared/src/versions/version-record';
import type { Verification } from '../../../shared/src/api/versions';

let world: World;
let version: { id: string; fingerprint: string };
const files: Record<string, Buffer> = {};
const KINDS = [
  ['pdf', 'parallel'],
  ['pdf', 'duplicate'],
  ['docx', 'parallel'],
  ['docx', 'duplicate'],
  ['json', 'parallel'],
  ['akn', 'parallel'],
] as const;
const exportPath = (format: string, layout: string) => `/api/documents/${world.d.documentId}/versions/${version.id}/export?format=${format}&layout=${layout}`;

beforeAll(async () => {
  world = await startWorld();
  await world.secretariat.request('POST', `/api/documents/${world.d.documentId}/signature-record`, {
    place: { en: 'San Salvador, El Salvador', es: 'San Salvador, El Salvador' },
    date: '2026-03-01',
    signatories: Object.entries(world.d.participants).map(([code, participantId]) => ({
      participantId,
      name: `Signatory of ${code}`,
      title: { en: `Minister (${code})`, es: `Ministro o Ministra (${code})` },
    })),
  });
  await approveEverything(world);
  version = (await freeze(world)).body.version;
  for (const [format, layout] of KINDS) {
    const answer = await download(world, world.observer, exportPath(format, layout));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-concordia-fingerprint')).toBe(version.fingerprint);
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename=".+"$/);
    files[`${format}-${layout}`] = answer.bytes;
  }
});
afterAll(() => world.server.stop());

const verifyOnline = async (bytes: Buffer): Promise<Verification> => {
  const response = await fetch(`${world.server.url}/api/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Origin: world.server.url },
    body: new Uint8Array(bytes),
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<Verification>;
};

describe('exporting', () => {
  it('gives the same bytes every time for the same version and layout', async () => {
    for (const [format, layout] of KINDS) {
      const again = await download(world, world.delegates.HN, exportPath(format, layout));
      expect({ format, layout, same: again.bytes.equals(files[`${format}-${layout}`]) }).toEqual({ format, layout, same: true });
    }
    expect(files['pdf-parallel'].equals(files['pdf-duplicate'])).toBe(false);
  });

  it('prints the Spanish text with its accents, article numbers in both languages and the fingerprint on every page of the PDF', async () => {
    const record = parseEnvelope(files['json-parallel']).record;
    const spanish = record.clauses.map((c) => plainText(c.texts.es as never)).find((text) => /[áéíóúñ]/.test(text) && text.length > 60)!;
    const words = spanish.replace(/\s+/g, ' ').split(' ');
    const accented = words.findIndex((w) => /[áéíóúñ]/.test(w));
    const phrase = words.slice(Math.max(0, accented - 4), accented + 5).join(' ');
    expect(phrase).toMatch(/[áéíóúñ]/);
    for (const layout of ['parallel', 'duplicate']) {
      const text = pdfText(files[`pdf-${layout}`]);
      const flat = text.pages.join(' ').replace(/\s+/g, ' ');
      expect(flat).toContain(phrase);
      expect(flat).toContain('Artículo 1');
      expect(flat).toContain('Article 1');
      expect(flat).toContain('Ministro o Ministra (HN)');
      expect(text.pages.length).toBeGreaterThan(3);
      for (const page of text.pages) expect(page.replace(/\s+/g, '')).toContain(version.fingerprint);
    }
  });

  it('tells readers, on the cover in each language, to check the file on the verification page of the server that issued it', async () => {
    // The same bytes on every server: the cover cannot hold a configured address, so it names the page.
    const cover = pdfText(files['pdf-parallel']).pages[0].replace(/\s+/g, ' ');
    expect(cover).toContain('verification page of the Concordia server that issued it (the server’s address followed by /verify)');
    expect(cover).toContain('página de verificación del servidor de Concordia que lo emitió (la dirección del servidor seguida de /verify)');
    expect(cover).not.toContain('npm run verify');
    const document = await (await JSZip.loadAsync(files['docx-duplicate'])).file('word/document.xml')!.async('string');
    expect(document).toContain('followed by /verify');
    expect(document).not.toContain('npm run verify');
  });

  it('puts the fingerprint in the PDF metadata and the DOCX properties and footers, and the Participants in each expression of the Akoma Ntoso file', async () => {
    expect(JSON.stringify(pdfText(files['pdf-parallel']).info)).toContain(version.fingerprint);
    const zip = await JSZip.loadAsync(files['docx-parallel']);
    expect(await zip.file('docProps/custom.xml')!.async('string')).toContain(version.fingerprint);
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) expect(await zip.file(footer)!.async('string')).toContain(version.fingerprint);
    const akn = files['akn-parallel'].toString('utf8');
    expect(akn.match(/<component eId="cmp_(en|es)">/g)).toEqual(['<component eId="cmp_en">', '<component eId="cmp_es">']);
    expect(akn).toContain('<FRBRlanguage language="spa"/>');
    expect(akn.match(/<article /g)!.length % 2).toBe(0);
  });
});

describe('verifying', () => {
  it('accepts every genuine file, offline and on the server, and names its document and version', async () => {
    for (const [name, bytes] of Object.entries(files)) {
      const offline = await verifyFile(bytes);
      expect({ name, genuine: offline.genuine, failure: offline.failure }).toEqual({ name, genuine: true, failure: null });
      const online = await verifyOnline(bytes);
      expect(online).toMatchObject({
        genuine: true,
        failure: null,
        fingerprint: version.fingerprint,
        registered: { documentId: world.d.documentId, versionId: version.id, kind: 'frozen', documentStatus: 'frozen' },
      });
    }
    const byFingerprint = await fetch(`${world.server.url}/api/verify/${version.fingerprint}`).then((r) => r.json());
    expect(byFingerprint).toMatchObject({ known: true, registered: { documentId: world.d.documentId, versionId: version.id, kind: 'frozen', seq: 1 } });
    expect(byFingerprint.registered.title.es).toContain('Memorando');
    const unknown = await fetch(`${world.server.url}/api/verify/${'0'.repeat(64)}`).then((r) => r.json());
    expect(unknown).toEqual({ fingerprint: '0'.repeat(64), known: false, registered: null });
  });

  it('accepts on the server the original of each Participant of the signed version, says whose it is, and rejects one carrying another’s envelope', async () => {
    const record = parseEnvelope(files['json-parallel']).record;
    const sv = await renderExport(record, 'docx', 'parallel', { original: originalFor(record, world.d.participants.SV) });
    const online = await verifyOnline(sv.bytes);
    expect(online).toMatchObject({
      genuine: true,
      fingerprint: version.fingerprint,
      registered: { versionId: version.id },
      original: { participantId: world.d.participants.SV, code: 'SV', number: 2, of: 4, name: { en: 'El Salvador', es: 'El Salvador' } },
    });
    expect((await verifyOnline(files['docx-parallel'])).original).toBeNull();
    const us = await renderExport(record, 'docx', 'parallel', { original: originalFor(record, world.d.participants.US) });
    const zip = await JSZip.loadAsync(sv.bytes);
    zip.file('customXml/item1.xml', await (await JSZip.loadAsync(us.bytes)).file('customXml/item1.xml')!.async('string'));
    const swapped = await verifyOnline(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(swapped).toMatchObject({ genuine: false, failure: 'file_altered' });
  });

  it('says whether the initials a genuine file of the signed version prints are those the server recorded', async () => {
    const record = parseEnvelope(files['json-parallel']).record;
    expect((await verifyOnline(files['pdf-parallel'])).attestationsMatch).toBe(true);
    // Rendered by our exporter, so genuine byte for byte; but nobody initialled this version here.
    const initials = [
      { participantId: world.d.participants.SV, initials: 'ZZ', name: 'Nobody', at: '2026-03-02T10:00:00.000Z', fingerprint: version.fingerprint },
    ];
    const claimed = await renderExport(record, 'pdf', 'parallel', { attestations: { initials, signatureConfirmations: [] } });
    expect(await verifyOnline(claimed.bytes)).toMatchObject({ genuine: true, attestationsMatch: false });
    expect((await verifyFile(claimed.bytes)).genuine).toBe(true);
  });

  it('rejects a flipped byte in every format', async () => {
    for (const [name, bytes] of Object.entries(files)) {
      for (const at of [Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 20]) {
        const flipped = Buffer.from(bytes);
        flipped[at] ^= 0x01;
        const result = await verifyFile(flipped);
        expect({ name, at, genuine: result.genuine }).toEqual({ name, at, genuine: false });
      }
    }
    const flipped = Buffer.from(files['pdf-parallel']);
    flipped[Math.floor(flipped.length / 2)] ^= 0x01;
    expect((await verifyOnline(flipped)).genuine).toBe(false);
  });

  it('rejects a changed word, a removed clause and swapped languages in the record (JSON)', async () => {
    const original = files['json-parallel'].toString('utf8');
    const changedWord = Buffer.from(original.replace('cooperación', 'coordinación'));
    expect(changedWord.equals(files['json-parallel'])).toBe(false);
    expect(await failure(changedWord)).toBe('fingerprint_mismatch');

    const envelope = parseEnvelope(files['json-parallel']);
    const removed: ExportEnvelope = { ...envelope, record: { ...envelope.record, clauses: envelope.record.clauses.filter((_, i) => i !== 12) } };
    expect(await failure(envelopeBytes(removed))).toBe('fingerprint_mismatch');

    const swapped: ExportEnvelope = {
      ...envelope,
      record: {
        ...envelope.record,
        clauses: envelope.record.clauses.map((c) => ({
          ...c,
          texts: { en: c.texts.es, es: c.texts.en },
          languageHashes: { en: c.languageHashes.es, es: c.languageHashes.en },
        })),
      },
    };
    expect(await failure(envelopeBytes(swapped))).toBe('fingerprint_mismatch');
    expect((await verifyOnline(envelopeBytes(swapped))).genuine).toBe(false);

    const older = envelopeBytes({ ...envelope, exporter: 'concordia.export.v1 (pdfkit 0.15.0, docx 8.0.0, jszip 3.10.1, dejavu-fonts-ttf 2.37.3)' });
    expect(await failure(older)).toBe('other_exporter');
  });

  it('rejects a changed word, a removed clause and swapped languages in the visible text (Akoma Ntoso, DOCX)', async () => {
    const akn = files['akn-parallel'].toString('utf8');
    const body = akn.slice(akn.indexOf('<collectionBody>'));
    const head = akn.slice(0, akn.indexOf('<collectionBody>'));
    expect(await failure(Buffer.from(head + body.replace('Participantes', 'Partes')))).toBe('file_altered');
    expect(await failure(Buffer.from(head + body.replace(/\n\s*<article [^\n]*/, '')))).toBe('file_altered');
    const swapped = head + body.replace('cmp_en', 'cmp_xx').replace('cmp_es', 'cmp_en').replace('cmp_xx', 'cmp_es');
    expect(await failure(Buffer.from(swapped))).toBe('file_altered');

    const zip = await JSZip.loadAsync(files['docx-parallel']);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', documentXml.replace('Participantes', 'Partes'));
    expect(await failure(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toBe('file_altered');
  });

  it('rejects on the server a forgery that recomputed its fingerprint, which an offline check cannot know', async () => {
    const envelope = parseEnvelope(files['json-parallel']);
    const forged = { ...envelope, record: { ...envelope.record, clauses: envelope.record.clauses.slice(1) } };
    forged.fingerprint = versionFingerprint(forged.record);
    const bytes = await renderEnvelope(forged, 'json');
    expect((await verifyFile(bytes)).genuine).toBe(true);
    const online = await verifyOnline(bytes);
    expect(online).toMatchObject({ genuine: false, failure: 'unknown_fingerprint', registered: null });
  });

  it('checks a file with `npm run verify -- FILE`, with no database', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-verify-'));
    const genuine = path.join(dir, 'signed.pdf');
    fs.writeFileSync(genuine, files['pdf-duplicate']);
    const tampered = path.join(dir, 'tampered.json');
    fs.writeFileSync(tampered, files['json-parallel'].toString('utf8').replace('cooperación', 'coordinación'));
    const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const ok = spawnSync('npm', ['run', '--silent', 'verify', '--', genuine], { encoding: 'utf8', env, timeout: 60_000 });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`GENUINE pdf export`);
    expect(ok.stdout).toContain(version.fingerprint);
    const bad = spawnSync('npm', ['run', '--silent', 'verify', '--', tampered], { encoding: 'utf8', env, timeout: 60_000 });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('NOT GENUINE (fingerprint_mismatch)');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** The text of each page and the metadata, extracted with pdf-parse in a child process (pdf-text.cjs). */
function pdfText(bytes: Buffer): { pages: string[]; info: Record<string, unknown> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-pdf-'));
  const file = path.join(dir, 'export.pdf');
  fs.writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, [path.join(__dirname, 'pdf-text.cjs'), file], { encoding: 'utf8', timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });
  fs.rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`pdf-text.cjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function failure(bytes: Buffer): Promise<string | null> {
  const result = await verifyFile(bytes);
  expect(result.genuine).toBe(false);
  return result.failure;
}
