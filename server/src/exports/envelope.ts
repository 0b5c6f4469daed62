/**
 * What every export carries so that whoever holds the file can check it: the canonical record of the
 * version, the fingerprint it claims, the layout it was drawn with and the exporter that drew it.
 * The JSON export is this envelope itself; PDF, DOCX and Akoma Ntoso embed it (an attached file, a
 * custom XML part, a proprietary metadata element). Verification re-renders the file from it and
 * compares bytes (verify-file.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { serialize } from '../../../shared/src/canonical';
import { versionFingerprint, type VersionRecord } from '../../../shared/src/versions/version-record';
import type { ExportLayout } from '../../../shared/src/api/versions';
import type { Attestations, OriginalCopy } from '../../../shared/src/versions/signature-conventions';
import { originalFor, printedAttestations } from './alternat';

/**
 * Names the renderers' output: our layout version and the libraries that draw the bytes. A change of
 * any of them may change an export's bytes, so a file made by another exporter is reported as such
 * (`other_exporter`) rather than as altered. (v3: the cover sends readers to the verification page.)
 * Still v3 with the signature conventions (issue 16): an envelope without an original and
 * attestations, of a record that states no originals and no signature ad referendum, renders exactly
 * the bytes it rendered before, so every file already issued still verifies; only the new envelopes
 * and records draw the new words.
 */
export const EXPORTER = `concordia.export.v3 (${['pdfkit', 'docx', 'jszip', 'xmlbuilder2', 'dejavu-fonts-ttf'].map((name) => `${name} ${packageVersion(name)}`).join(', ')})`;

/** A dependency's version from its package.json (found next to its entry point: some packages do not export package.json). */
function packageVersion(name: string): string {
  let dir = path.dirname(require.resolve(name === 'dejavu-fonts-ttf' ? `${name}/package.json` : name));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === name && json.version) return json.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

export interface ExportEnvelope {
  exporter: string;
  fingerprint: string;
  /** PDF and DOCX only; null for JSON and Akoma Ntoso. */
  layout: ExportLayout | null;
  record: VersionRecord;
  /** Under the alternat, whose original this file is (alternat.ts [A1]); absent: nobody's, the Participants in the record's order. */
  original?: OriginalCopy;
  /** The initials and confirmations of a signature ad referendum the file prints ([A3]); absent: none. */
  attestations?: Attestations;
}

export interface EnvelopeOptions {
  original?: OriginalCopy | null;
  attestations?: Attestations;
}

/**
 * The keys `original` and `attestations` are set only when there is something to say: the canonical
 * serialisation leaves out undefined keys, and an envelope without them is the one every earlier export has.
 */
export function makeEnvelope(record: VersionRecord, layout: ExportLayout | null, options: EnvelopeOptions = {}): ExportEnvelope {
  const fingerprint = versionFingerprint(record);
  const envelope: ExportEnvelope = { exporter: EXPORTER, fingerprint, layout, record };
  if (options.original) {
    // Only an original verification can redraw ([A1]): a wrong number or Participant is the caller's mistake, not a file to issue.
    const expected = originalFor(record, options.original.participantId);
    if (expected.number !== options.original.number || expected.of !== options.original.of) {
      throw new RangeError(
        `The original of ${options.original.participantId} is number ${expected.number} of ${expected.of}, not ${options.original.number} of ${options.original.of}.`,
      );
    }
    envelope.original = expected;
  }
  const attestations = printedAttestations(record, fingerprint, options.attestations);
  if (attestations) envelope.attestations = attestations;
  return envelope;
}

/** The envelope's bytes: its RFC 8785 serialisation, in which the record's bytes appear unchanged. */
export function envelopeBytes(envelope: ExportEnvelope): Buffer {
  return Buffer.from(serialize(envelope), 'utf8');
}

export class EnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

/** Reads an envelope back; throws EnvelopeError when it is not one. */
export function parseEnvelope(bytes: Buffer | string): ExportEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch {
    throw new EnvelopeError('The embedded record is not JSON.');
  }
  const envelope = value as Partial<ExportEnvelope>;
  if (
    !envelope ||
    typeof envelope !== 'object' ||
    typeof envelope.exporter !== 'string' ||
    typeof envelope.fingerprint !== 'string' ||
    !envelope.record ||
    typeof envelope.record !== 'object' ||
    !('layout' in envelope)
  ) {
    throw new EnvelopeError('The embedded record is not a Concordia export envelope.');
  }
  return envelope as ExportEnvelope;
}

/** A file name: the title's first language in ASCII, the kind and layout, whose original it is ("-original-sv"), then the start of the fingerprint. */
export function exportFileName(envelope: ExportEnvelope, extension: string): string {
  const { record } = envelope;
  const title = record.document.title[record.document.languages[0]] ?? 'agreement';
  const slug =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'agreement';
  const layout = envelope.layout ? `-${envelope.layout}` : '';
  const owner = envelope.original ? record.participants.find((p) => p.id === envelope.original!.participantId) : undefined;
  const code = owner?.code.toLowerCase().replace(/[^a-z0-9]+/g, '') || String(envelope.original?.number ?? '');
  const original = envelope.original ? `-original-${code}` : '';
  return `${slug}-${record.version.kind}${layout}${original}-${envelope.fingerprint.slice(0, 12)}.${extension}`;
}
