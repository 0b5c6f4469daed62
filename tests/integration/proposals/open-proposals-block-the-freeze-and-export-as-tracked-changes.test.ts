/**
 * Issue 14, "What a proposal means for … freeze" and "Exports": [F5] a clause holding an open proposal
 * blocks the freeze, naming its sponsors, until the proposal is decided; the draft (the text now, or a
 * version) downloads as DOCX with each proposal part as one Word tracked change by its sponsor, and as
 * PDF with the proposals marked and a legend of sponsors. Proposals are tabled by stock y-websocket
 * clients as delegates, on a real server and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { startWorld, type Credentials, type World } from '../identity/support/world';
import { documentApi, joinAs, writeClause } from './support';
import type { CollabClient } from '../../utils/collab-client';
import { waitFor } from '../../utils/wait';
import { clauseFingerprint, languageHash } from '../../../shared/src/canonical';
import { clauseFragment, readClauseJSON } from '../../../shared/src/yjs-layout';
import { newProposalId } from '../../../shared/src/proposals';
import { verifyFile } from '../../../server/src/exports/verify-file';
import type { FreezeBlocker } from '../../../shared/src/versions/freeze-blockers';

jest.setTimeout(180_000);

const CLAUSE = 'c_0000000000000014';
const origin = { kind: 'test' };
const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!SOFFICE) console.warn('SKIPPED the LibreOffice check of the draft DOCX: `soffice` is not on the PATH (apt-get install libreoffice-writer to run it).');

let world: World;
let secretariat: CollabClient;
/** Honduras (Q) replaces "shall" by "may" in English and adds a word in Spanish; Guatemala (P) adds " fully" in English. */
let honduran: string;
let guatemalan: string;

beforeAll(async () => {
  world = await startWorld();
  secretariat = await join(world.as.secretariat);
  writeClause(secretariat, CLAUSE);
  await waitFor(async () => (await api(world.as.observer, 'GET', '/freeze')).body.clauses?.length === 1, 'the clause to be stored');
  expect((await api(world.as.secretariat, 'PUT', '/phase', { phase: 'negotiation' })).status).toBe(200);
  await approveEverything();
});
afterAll(async () => {
  if (secretariat?.provider.wsconnected) secretariat.destroy();
  await world?.stop();
});

const join = (who: Credentials) => joinAs(world, who);

const api = (who: Credentials, method: string, suffix: string, body?: unknown) => documentApi(world)(who, method, suffix, body);

async function download(who: Credentials, suffix: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(`${world.server.url}/api/documents/${world.documentId}${suffix}`, {
    headers: { Cookie: who.cookie ?? '', Origin: world.origin },
  });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

/** Concordance confirmed and the clause approved by both Participants, as it stands. */
async function approveEverything(): Promise<void> {
  const texts = { en: readClauseJSON(secretariat.doc, CLAUSE, 'en'), es: readClauseJSON(secretariat.doc, CLAUSE, 'es') };
  const confirmed = await api(world.as.secretariat, 'POST', `/clauses/${CLAUSE}/concordance`, {
    languageHashes: { en: languageHash(texts.en), es: languageHash(texts.es) },
  });
  expect(confirmed.status).toBe(201);
  const fingerprint = clauseFingerprint({ kind: 'clause', texts });
  for (const [who, participantId] of [
    [world.as.delegateP, world.participantP],
    [world.as.delegateQ, world.participantQ],
  ] as const) {
    const approved = await api(who, 'POST', `/clauses/${CLAUSE}/approvals`, { participantId, fingerprint, acknowledgeConcordance: true });
    expect(approved.status).toBe(201);
  }
}

function firstText(doc: Y.Doc, lang: string): Y.XmlText {
  return (clauseFragment(doc, CLAUSE, lang).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

const proposals = async () => (await api(world.as.observer, 'GET', '/proposals')).body.proposals as Array<{ id: string; changes: Record<string, unknown[]> }>;

it('[F5] refuses the freeze while the clause holds open proposals, naming their sponsors', async () => {
  expect((await api(world.as.observer, 'GET', '/freeze')).body.ready).toBe(true);
  honduran = newProposalId();
  guatemalan = newProposalId();
  const honduras = await join(world.as.delegateQ);
  honduras.doc.transact(() => {
    const en = firstText(honduras.doc, 'en');
    en.format(17, 5, { deletion: { id: honduran } }); // "shall"
    en.insert(22, 'may', { insertion: { id: honduran } });
    firstText(honduras.doc, 'es').insert(18, 'siempre ', { insertion: { id: honduran } });
  }, origin);
  await waitFor(async () => (await proposals()).length === 1, 'the Honduran proposal to be recorded');
  honduras.destroy();
  const guatemala = await join(world.as.delegateP);
  guatemala.doc.transact(() => firstText(guatemala.doc, 'en').insert(35, ' fully', { insertion: { id: guatemalan } }), origin);
  await waitFor(async () => (await proposals()).length === 2, 'the Guatemalan proposal to be recorded');
  guatemala.destroy();

  const expected: FreezeBlocker[] = [
    {
      reason: 'open_proposals',
      clauseId: CLAUSE,
      participantId: null,
      languages: ['en', 'es'],
      sponsorIds: [world.participantP, world.participantQ],
      proposalIds: expect.arrayContaining([honduran, guatemalan]) as unknown as string[],
    },
  ];
  const shown = await api(world.as.observer, 'GET', '/freeze');
  expect(shown.body.ready).toBe(false);
  expect(shown.body.blockers).toEqual(expected);
  expect(shown.body.blockers[0].proposalIds).toHaveLength(2);

  const refused = await api(world.as.secretariat, 'POST', '/freeze', { confirm: true });
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('freeze_blocked');
  expect(refused.body.error.details.blockers).toEqual(expected);
});

it('downloads the draft as DOCX with one tracked change per proposal part, by its sponsor, with unique ids', async () => {
  const file = await download(world.as.observer, '/draft-export?format=docx');
  expect(file.status).toBe(200);
  expect(file.headers.get('content-disposition')).toMatch(/-draft-parallel-.*\.docx"$/);
  const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
  const revisions = [...xml.matchAll(/<w:(ins|del) ([^>]*)>/g)].map(([, tag, attributes]) => ({
    tag,
    id: /w:id="(\d+)"/.exec(attributes)?.[1],
    author: /w:author="([^"]*)"/.exec(attributes)?.[1],
    date: /w:date="([^"]*)"/.exec(attributes)?.[1],
  }));
  // One revision per part of each proposal, as the proposals API reads them from the text.
  const parts = (await proposals()).reduce((sum, p) => sum + Object.values(p.changes).reduce((n, runs) => n + runs.length, 0), 0);
  expect(parts).toBe(4);
  expect(revisions).toHaveLength(parts);
  expect(new Set(revisions.map((r) => r.id)).size).toBe(parts);
  expect(revisions.every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(r.date ?? ''))).toBe(true);
  expect(revisions.map((r) => `${r.tag} ${r.author}`).sort()).toEqual(['del HN (en)', 'ins GT (en)', 'ins HN (en)', 'ins HN (en)']);
  expect(xml).toMatch(/<w:del [^>]*w:author="HN \(en\)"[^>]*><w:r>(?:<w:rPr\/>)?(?:<w:rPr>.*?<\/w:rPr>)?<w:delText xml:space="preserve">shall<\/w:delText>/);
  expect(xml).toMatch(/<w:ins [^>]*w:author="HN \(en\)"[^>]*><w:r>.*?<w:t xml:space="preserve">may<\/w:t>/);
  expect(xml).toContain('DRAFT — not the signed text');
  expect(xml).toContain('BORRADOR — no es el texto firmado');

  // A draft is not a verifiable export: it carries no record.
  expect((await verifyFile(file.bytes)).failure).toBe('no_record');
});

(SOFFICE ? it : it.skip)('opens in LibreOffice with the proposals as tracked changes', async () => {
  const file = await download(world.as.observer, '/draft-export?format=docx&layout=duplicate');
  expect(file.status).toBe(200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-draft-'));
  try {
    const docx = path.join(dir, 'draft.docx');
    fs.writeFileSync(docx, file.bytes);
    const run = spawnSync(
      SOFFICE,
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, docx],
      { encoding: 'utf8', timeout: 150_000 },
    );
    expect(run.status).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'draft.txt'), 'utf8');
    expect(text).toContain('DRAFT — not the signed text');
    // LibreOffice shows a tracked change's text, inserted and deleted alike.
    expect(text).toMatch(/The Participants shall\s*may cooperate fully\./);
    expect(text).toContain('Los Participantes siempre cooperarán.');

    // And LibreOffice reads them as tracked changes, not as plain text: one change per part, by its sponsor.
    const odt = spawnSync(SOFFICE, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'odt', '--outdir', dir, docx], {
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(odt.status).toBe(0);
    const content = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'draft.odt')))).file('content.xml')!.async('string');
    const changes = [...content.matchAll(/<text:changed-region\b[\s\S]*?<\/text:changed-region>/g)].map(([region]) => ({
      kind: /<text:(insertion|deletion)>/.exec(region)?.[1],
      author: /<dc:creator>([^<]*)<\/dc:creator>/.exec(region)?.[1],
    }));
    expect(changes.map((c) => `${c.kind} ${c.author}`).sort()).toEqual(['deletion HN (en)', 'insertion GT (en)', 'insertion HN (en)', 'insertion HN (en)']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('downloads the draft as PDF with the proposals marked and a legend of their sponsors', async () => {
  const file = await download(world.as.observer, '/draft-export?format=pdf');
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toBe('application/pdf');
  const { pages } = pdfText(file.bytes);
  const all = pages.join('\n');
  expect(all).toContain('DRAFT — not the signed text');
  expect(all).toContain('Open proposals, shown as tracked changes');
  expect(all).toContain('GT (en) (GT) / GT (es) (GT)');
  expect(all).toContain('HN (en) (HN) / HN (es) (HN)');
  expect(all).toContain('Draft — not for signature');
  expect((await verifyFile(file.bytes)).failure).toBe('no_record');
});

it('downloads a version as a draft with the proposals it holds, and the freeze goes through once they are rejected', async () => {
  const taken = await api(world.as.secretariat, 'POST', '/versions', { name: 'Before the decisions' });
  expect(taken.status).toBe(201);
  for (const id of [honduran, guatemalan]) expect((await api(world.as.secretariat, 'POST', `/proposals/${id}/reject`, {})).status).toBe(200);
  await waitFor(() => !JSON.stringify(readClauseJSON(secretariat.doc, CLAUSE, 'en')).includes('"insertion"'), 'the rejections to reach the clients');
  secretariat.destroy(); // before the freeze, which tells open connections the text is read-only

  const version = await download(world.as.observer, `/versions/${taken.body.version.id}/draft-export?format=docx`);
  expect(version.status).toBe(200);
  const xml = await (await JSZip.loadAsync(version.bytes)).file('word/document.xml')!.async('string');
  expect(xml.match(/<w:(ins|del) /g)).toHaveLength(4);
  expect(xml).toContain('Version: Before the decisions');

  const now = await download(world.as.observer, '/draft-export?format=docx');
  expect((await (await JSZip.loadAsync(now.bytes)).file('word/document.xml')!.async('string')).match(/<w:(ins|del) /g)).toBeNull();

  expect((await api(world.as.observer, 'GET', '/freeze')).body).toMatchObject({ ready: true, blockers: [] });
  const frozen = await api(world.as.secretariat, 'POST', '/freeze', { confirm: true });
  expect(frozen.status).toBe(201);
  expect((await download(world.as.observer, '/draft-export?format=pdf')).status).toBe(423);
});

function pdfText(bytes: Buffer): { pages: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-pdf-'));
  const file = path.join(dir, 'draft.pdf');
  fs.writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, [path.join(__dirname, '../versions/pdf-text.cjs'), file], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 32 * 1024 * 1024,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`pdf-text.cjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
