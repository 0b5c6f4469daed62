/**
 * Checks an exported file with nothing but the file: no database, no network (the offline
 * `npm run verify -- FILE` and, first, the API's upload check).
 *
 *  1. The format is recognised from the bytes (PDF, DOCX, Akoma Ntoso XML, JSON).
 *  2. The embedded envelope is read: the canonical record and the fingerprint the file states.
 *  3. The fingerprint must be the SHA-256 of the record's canonical bytes [V2]: a changed word, a
 *     removed clause or swapped languages in the record fail here.
 *  4. The record must be consistent: each text matches its hashes, each clause its fingerprint [V3].
 *  5. The file must be exactly what this exporter renders from that record: a flipped byte anywhere,
 *     or a change to the visible text that leaves the record alone, fails here.
 *  6. Its XML (Akoma Ntoso, every part of a DOCX) must parse: a file no XML reader can open is not genuine.
 * An original under the alternat is redrawn as that original, with the initials it carries
 * (alternat.ts): one whose envelope names another Participant than its pages, or whose printed
 * initials were edited, fails at step 5; the answer says whose original a file is.
 * Whether the fingerprint names a version somebody actually took is for the server to say.
 */
import zlib from 'node:zlib';
import { EXPORTER, EnvelopeError, parseEnvelope, type ExportEnvelope } from './envelope';
import { renderEnvelope, hasLayout } from './render-export';
import { DOCX_RECORD_PART } from './docx';
import { exportXmlProblems } from './export-xml';
import { recordProblems, versionFingerprint, type VersionRecord } from '../../../shared/src/versions/version-record';
import { conventionProblems } from './alternat';
import type { Attestations } from '../../../shared/src/versions/signature-conventions';
import { exportLabels } from './labels';
import { signatureLabels } from './signature-labels';
import { EXPORT_LAYOUTS, type ExportFormat, type Verification } from '../../../shared/src/api/versions';
import { readZipDirectory } from '../import/zip-directory';
import { InflateLimitError, inflateEntry } from '../import/inflate-entry';

/**
 * The largest record a file may carry once inflated: the JSON export of a record is that record, and
 * the largest file checked is 25 MiB. Inflation stops here, so a small file that inflates to
 * gigabytes costs no more than this.
 */
export const MAX_RECORD_BYTES = 25 * 1024 * 1024;

/** `attestations`: those the file prints, for the server to compare with what it recorded (attestationsMatch). */
export type OfflineVerification = Omit<Verification, 'registered' | 'attestationsMatch'> & {
  envelope: ExportEnvelope | null;
  attestations: Attestations | null;
};

export function sniffFormat(bytes: Buffer): ExportFormat | null {
  const head = bytes.subarray(0, 64).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<?xml') || text.startsWith('<akomaNtoso')) return 'akn';
  if (text.startsWith('{')) return 'json';
  return null;
}

/** The envelope a file carries; throws EnvelopeError when it has none or it cannot be read. */
export async function extractEnvelope(bytes: Buffer, format: ExportFormat): Promise<ExportEnvelope> {
  switch (format) {
    case 'json':
      return parseEnvelope(bytes);
    case 'akn':
      return parseEnvelope(base64Element(bytes.toString('utf8')));
    case 'docx': {
      const entries = readZipDirectory(bytes);
      if (!entries) throw new EnvelopeError('The file is not a readable DOCX (zip) file.');
      const parts = entries.filter((entry) => entry.name === DOCX_RECORD_PART);
      if (parts.length === 0) throw new EnvelopeError('The DOCX file has no Concordia record part.');
      if (parts.length > 1) throw new EnvelopeError('The DOCX file has more than one Concordia record part.');
      // The base64 of a record is 4/3 of it, in a few lines of XML.
      const part = inflated(() => inflateEntry(bytes, parts[0], Math.ceil((MAX_RECORD_BYTES * 4) / 3) + 4096), 'The Concordia record part of the DOCX');
      if (!part) throw new EnvelopeError('The file is not a readable DOCX (zip) file.');
      return parseEnvelope(base64Element(part.toString('utf8')));
    }
    case 'pdf':
      return parseEnvelope(pdfAttachment(bytes));
  }
}

export interface VerifyOptions {
  /** Asked first, as soon as the file's fingerprint is read, before the (costly) hashing and re-rendering: false stops with 'unknown_fingerprint'. */
  isKnown?: (fingerprint: string) => Promise<boolean>;
}

export async function verifyFile(bytes: Buffer, options: VerifyOptions = {}): Promise<OfflineVerification> {
  const result: OfflineVerification = {
    genuine: false,
    failure: null,
    format: sniffFormat(bytes),
    fingerprint: null,
    problems: [],
    record: null,
    original: null,
    envelope: null,
    attestations: null,
  };
  const fail = (failure: NonNullable<Verification['failure']>, problem: string): OfflineVerification => ({
    ...result,
    failure,
    problems: [...result.problems, problem],
  });
  if (!result.format) return fail('unreadable', 'The file is not a PDF, DOCX, Akoma Ntoso or JSON export.');
  let envelope: ExportEnvelope;
  try {
    envelope = await extractEnvelope(bytes, result.format);
  } catch (error) {
    return fail(
      error instanceof EnvelopeError && /no Concordia record/.test(error.message) ? 'no_record' : 'unreadable',
      error instanceof EnvelopeError ? error.message : 'The file could not be read.',
    );
  }
  result.envelope = envelope;
  result.fingerprint = /^[0-9a-f]{64}$/.test(envelope.fingerprint) ? envelope.fingerprint : null;
  const record = envelope.record;
  try {
    result.record = {
      documentId: record.document.id,
      title: record.document.title,
      versionId: record.version.id,
      kind: record.version.kind,
      name: record.version.name,
      takenAt: record.version.takenAt,
    };
  } catch {
    return fail('unreadable', 'The embedded record does not name its document and version.');
  }
  // The cheap checks first: a fingerprint that is no SHA-256, or that no version here has, ends it before
  // the record (up to 25 MiB) is serialised and hashed.
  if (!result.fingerprint) {
    return fail('fingerprint_mismatch', `The fingerprint the file states (${JSON.stringify(envelope.fingerprint.slice(0, 80))}) is not a SHA-256.`);
  }
  if (options.isKnown && !(await options.isKnown(envelope.fingerprint))) {
    return fail('unknown_fingerprint', `No version with the fingerprint ${envelope.fingerprint} is held here.`);
  }
  let computed: string;
  try {
    computed = versionFingerprint(record);
  } catch (error) {
    return fail('record_inconsistent', `The embedded record cannot be serialised: ${(error as Error).message}`);
  }
  if (computed !== envelope.fingerprint) {
    return fail('fingerprint_mismatch', `The record's canonical bytes hash to ${computed}, not to the fingerprint the file states (${envelope.fingerprint}).`);
  }
  const problems = recordProblems(record);
  if (problems.length > 0) return { ...fail('record_inconsistent', problems[0]), problems };
  if (envelope.exporter !== EXPORTER) {
    return fail('other_exporter', `The file was made by ${JSON.stringify(envelope.exporter)}; this is ${EXPORTER}, which cannot redraw it byte for byte.`);
  }
  const layoutValid = hasLayout(result.format) ? (EXPORT_LAYOUTS as readonly unknown[]).includes(envelope.layout) : envelope.layout === null;
  if (!layoutValid) return fail('file_altered', `The layout ${JSON.stringify(envelope.layout)} is not one a ${result.format} export has.`);
  const conventions = conventionProblems(envelope);
  if (conventions.length > 0) return { ...fail('file_altered', conventions[0]), problems: [...result.problems, ...conventions] };
  result.original = originalOf(envelope);
  result.attestations = envelope.attestations ?? null;
  const expected = await renderEnvelope(envelope, result.format);
  if (!expected.equals(bytes)) {
    const at = firstDifference(expected, bytes);
    return fail(
      'file_altered',
      `The file differs from the export of its record from byte ${at} on (${bytes.length} bytes, the export has ${expected.length}).`,
    );
  }
  const xml = await exportXmlProblems(bytes, result.format);
  if (xml.length > 0) return { ...fail('unreadable', `The file's XML does not parse: ${xml[0]}`), problems: [...result.problems, ...xml] };
  return { ...result, genuine: true };
}

/** Whose original the envelope says the file is, named as its heading names that Participant. */
function originalOf(envelope: ExportEnvelope): Verification['original'] {
  const { record, original } = envelope;
  const participant = original && record.participants.find((p) => p.id === original.participantId);
  if (!original || !participant) return null;
  return { participantId: participant.id, code: participant.code, number: original.number, of: original.of, name: printedNames(record, participant) };
}

function printedNames(record: VersionRecord, participant: VersionRecord['participants'][number]): Record<string, string> {
  return Object.fromEntries(record.document.languages.map((lang) => [lang, signatureLabels(lang, exportLabels(lang)).shortName(participant)]));
}

function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return i;
  return n;
}

/** The decoded content of the one <concordia:envelope encoding="base64"> element of an XML text. */
function base64Element(xml: string): string {
  const matches = [...xml.matchAll(/<concordia:envelope\b[^>]*>([A-Za-z0-9+/=\s]*)<\/concordia:envelope>/g)];
  if (matches.length === 0) throw new EnvelopeError('The file has no Concordia record (no concordia:envelope element).');
  if (matches.length > 1) throw new EnvelopeError('The file has more than one Concordia record.');
  return Buffer.from(matches[0][1].replace(/\s+/g, ''), 'base64').toString('utf8');
}

/**
 * The attached file of a PDF as our exporter writes it: the one `/Type /EmbeddedFile` stream, its
 * length from `/Length`, inflated when `/FlateDecode`. (A general PDF reader is not needed: any file
 * this cannot read is not one we wrote, and fails verification all the same.)
 */
function pdfAttachment(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  const at = text.indexOf('/Type /EmbeddedFile');
  if (at < 0) throw new EnvelopeError('The PDF has no Concordia record (no attached file).');
  if (text.indexOf('/Type /EmbeddedFile', at + 1) >= 0) throw new EnvelopeError('The PDF has more than one attached file.');
  const streamAt = text.indexOf('>>\nstream\n', at);
  if (streamAt < 0) throw new EnvelopeError('The attached file of the PDF cannot be read.');
  const dictionary = text.slice(at, streamAt);
  const length = /\/Length (\d+)\b/.exec(dictionary);
  if (!length) throw new EnvelopeError('The attached file of the PDF has no length.');
  const start = streamAt + '>>\nstream\n'.length;
  const raw = bytes.subarray(start, start + Number(length[1]));
  if (!/\/Filter \/FlateDecode\b/.test(dictionary)) return raw.toString('utf8');
  const record = inflated(() => {
    try {
      return zlib.inflateSync(raw, { maxOutputLength: MAX_RECORD_BYTES });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError(MAX_RECORD_BYTES);
      throw new EnvelopeError('The attached file of the PDF is damaged.');
    }
  }, 'The attached file of the PDF');
  return record.toString('utf8');
}

/** Inflates with a limit; past it, the file is unreadable as an export (no export carries so large a record). */
function inflated<T>(inflate: () => T, what: string): T {
  try {
    return inflate();
  } catch (err) {
    if (err instanceof InflateLimitError) throw new EnvelopeError(`${what} inflates to more than ${err.limit} bytes, more than any export's record.`);
    throw err;
  }
}
