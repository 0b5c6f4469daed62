/**
 * What the signature-conventions tests share: the demo agreement frozen with a signature record of
 * four Participants (Guatemala signing ad referendum, four originals in English and Spanish), the
 * attestations recorded after the freeze, and reading back what a PDF or DOCX shows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as Y from 'yjs';
import JSZip from 'jszip';
import { buildDemoState } from '../../../server/src/demo/seed-demo';
import { demoTitle } from '../../../server/src/demo/memorandum';
import { demoParticipants } from '../../../server/src/demo/participants';
import { buildRecord, recordClauses } from '../../../server/src/versions/build-record';
import { DEFAULT_LANGUAGES } from '../../../shared/src/languages';
import { versionFingerprint, type SignatureRecord, type VersionRecord } from '../../../shared/src/versions/version-record';
import type { Attestations } from '../../../shared/src/versions/signature-conventions';

const DOCUMENT_ID = '6f1c1b7e-2d4a-4c1e-9a0b-0c9d8e7f6a5b';
export const participants = demoParticipants.map((p, i) => ({ id: `00000000-0000-4000-8000-00000000000${i + 1}`, code: p.code, name: { ...p.name } }));
export const idOf = (code: string): string => participants.find((p) => p.code === code)!.id;

export interface SignedOptions {
  /** Default: four originals in English and Spanish. null: the record states none. */
  originals?: SignatureRecord['originals'] | null;
  /** The codes of the Participants whose signatory signs ad referendum (default: GT). */
  adReferendum?: string[];
}

export function signedRecord(options: SignedOptions = {}): VersionRecord {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, buildDemoState(DOCUMENT_ID));
  const clauses = recordClauses(doc, DEFAULT_LANGUAGES);
  doc.destroy();
  const originals = options.originals === undefined ? { count: 4, languages: ['en', 'es'] } : options.originals;
  const adReferendum = new Set(options.adReferendum ?? ['GT']);
  const signature: SignatureRecord = {
    place: { en: 'San Salvador, El Salvador', es: 'San Salvador, El Salvador' },
    date: '2026-03-01',
    signatories: participants.map((p) => ({
      participantId: p.id,
      name: `Signatory of ${p.code}`,
      title: { en: `Minister (${p.code})`, es: `Ministro o Ministra (${p.code})` },
      ...(adReferendum.has(p.code) ? { adReferendum: true as const } : {}),
    })),
    ...(originals ? { originals } : {}),
  };
  return buildRecord(
    { id: DOCUMENT_ID, title: demoTitle, languages: [...DEFAULT_LANGUAGES] },
    { id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d', kind: 'frozen', name: null, takenAt: '2026-03-01T10:00:00.000Z' },
    clauses,
    { participants, approvals: [], confirmations: [], signature },
  );
}

/** The United States (JR) and El Salvador (MG) initialled, given out of order; Guatemala's signature was confirmed. */
export function attestationsOf(record: VersionRecord): Attestations {
  const fingerprint = versionFingerprint(record);
  return {
    initials: [
      { participantId: idOf('SV'), initials: 'MG', name: 'María González', at: '2026-03-01T12:00:00.000Z', fingerprint },
      { participantId: idOf('US'), initials: 'JR', name: 'John Roberts', at: '2026-03-01T11:00:00.000Z', fingerprint },
      // Honduras initialled another text: not these pages.
      { participantId: idOf('HN'), initials: 'LP', name: 'Luis Paz', at: '2026-02-01T11:00:00.000Z', fingerprint: '0'.repeat(64) },
    ],
    signatureConfirmations: [{ participantId: idOf('GT'), date: '2026-04-03', confirmedBy: 'Secretariat', at: '2026-04-03T09:00:00.000Z' }],
  };
}

/** The text of each page, extracted with pdf-parse in a child process (tests/integration/versions/pdf-text.cjs). */
export function pdfPages(bytes: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-original-'));
  const file = path.join(dir, 'export.pdf');
  fs.writeFileSync(file, bytes);
  const script = path.join(__dirname, '../../integration/versions/pdf-text.cjs');
  const run = spawnSync(process.execPath, [script, file], { encoding: 'utf8', timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });
  fs.rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`pdf-text.cjs failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { pages: string[] }).pages;
}

export const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text of each paragraph of a DOCX part. */
export async function docxParagraphs(bytes: Buffer, part = 'word/document.xml'): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file(part)!.async('string');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** The paragraphs after the title page (which ends with a page break). */
export async function docxBody(bytes: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const raw = xml.split('</w:p>');
  const cover = raw.findIndex((p) => p.includes('w:type="page"'));
  return raw.slice(cover + 1).map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

export async function docxFooters(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
  return Promise.all(names.map(async (name) => (await docxParagraphs(bytes, name)).join('\n')));
}

const CLOSING = /Done at San Salvador|Hecho en San Salvador/;
const TITLES = [demoTitle.en, demoTitle.es].map((title) => flat(title).slice(0, 30));
const FOOTER = /^(Initialled: .*|SHA-256 [0-9a-f]{64}|Page \d+ of \d+ · Página \d+ de \d+)$/;

/**
 * The clause texts of an export as its reader sees them: every line after the title page, without the
 * page footers and without the closing formula and signature blocks that follow each text.
 */
export function clauseTexts(units: string[]): string {
  const kept: string[] = [];
  let inSignatures = false;
  for (const unit of units) {
    const text = unit
      .split('\n')
      .filter((l) => !FOOTER.test(l.trim()))
      .join('\n');
    if (TITLES.some((title) => flat(text).startsWith(title))) inSignatures = false;
    if (inSignatures) continue;
    const closing = CLOSING.exec(text);
    kept.push(closing ? text.slice(0, closing.index) : text);
    if (closing) inSignatures = true;
  }
  return kept.join('\n');
}
