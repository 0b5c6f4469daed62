/**
 * The four alternat originals of the signed version (issue 16), downloaded as people do
 * (`…/export?original=<participantId>`) and checked on the server (POST /api/verify): each is genuine
 * and says whose original it is; once a Participant initialled, a new download prints the initials and
 * matches what the server recorded, while a file downloaded before says that it no longer does.
 */
import JSZip from 'jszip';
import { approveEverything, download, freeze, startWorld, type World } from './support';
import type { Verification } from '../../../shared/src/api/versions';

jest.setTimeout(240_000);

let world: World;
let version: { id: string; fingerprint: string };
const CODES = ['US', 'SV', 'GT', 'HN'];

beforeAll(async () => {
  world = await startWorld();
  const saved = await world.secretariat.request('POST', `/api/documents/${world.d.documentId}/signature-record`, {
    place: { en: 'San Salvador, El Salvador', es: 'San Salvador, El Salvador' },
    date: '2026-03-01',
    signatories: CODES.map((code) => ({
      participantId: world.d.participants[code],
      name: `Signatory of ${code}`,
      title: { en: `Minister (${code})`, es: `Ministro o Ministra (${code})` },
      ...(code === 'GT' ? { adReferendum: true } : {}),
    })),
    originals: { count: 4, languages: ['en', 'es'] },
  });
  expect(saved.status).toBeLessThan(300);
  await approveEverything(world);
  version = (await freeze(world)).body.version;
});
afterAll(() => world.server.stop());

const exportPath = (format: string, layout: string, code?: string) =>
  `/api/documents/${world.d.documentId}/versions/${version.id}/export?format=${format}&layout=${layout}${code ? `&original=${world.d.participants[code]}` : ''}`;

async function verifyOnline(bytes: Buffer): Promise<Verification> {
  const response = await fetch(`${world.server.url}/api/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Origin: world.server.url },
    body: new Uint8Array(bytes),
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<Verification>;
}

it('verifies each of the four downloaded originals as itself, in PDF and DOCX', async () => {
  for (const [format, layout] of [
    ['pdf', 'parallel'],
    ['docx', 'duplicate'],
  ]) {
    for (const [i, code] of CODES.entries()) {
      const file = await download(world, world.observer, exportPath(format, layout, code));
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain(`-original-${code.toLowerCase()}-`);
      const result = await verifyOnline(file.bytes);
      expect(result).toMatchObject({
        genuine: true,
        failure: null,
        fingerprint: version.fingerprint,
        registered: { versionId: version.id },
        original: { participantId: world.d.participants[code], code, number: i + 1, of: 4 },
        attestationsMatch: true,
      });
    }
  }
});

it('prints the initials recorded since the freeze on a new download, and tells an older download that it lacks them', async () => {
  const before = await download(world, world.observer, exportPath('docx', 'parallel', 'SV'));
  const pool = world.server.concordia.db.pool;
  await pool.query(
    `UPDATE memberships SET may_confirm_for_capital = true WHERE document_id = $1 AND participant_id = $2 AND role = 'delegate' AND user_id = (SELECT id FROM users WHERE email = 'us.delegate@demo.test')`,
    [world.d.documentId, world.d.participants.US],
  );
  const initialled = await world.delegates.US.request('POST', `/api/documents/${world.d.documentId}/signature/initials`, {
    participantId: world.d.participants.US,
    fingerprint: version.fingerprint,
    initials: 'JR',
  });
  expect(initialled.status).toBe(201);

  const after = await download(world, world.observer, exportPath('docx', 'parallel', 'SV'));
  const zip = await JSZip.loadAsync(after.bytes);
  const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
  for (const footer of footers) expect(await zip.file(footer)!.async('string')).toContain('Initialled: US JR');
  expect(await verifyOnline(after.bytes)).toMatchObject({ genuine: true, original: { code: 'SV' }, attestationsMatch: true });
  expect(await verifyOnline(before.bytes)).toMatchObject({ genuine: true, original: { code: 'SV' }, attestationsMatch: false });
});
