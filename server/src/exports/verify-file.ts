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
 * Whether the fingerprint names a version somebody actually took is for the server to say.
 */
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { EXPORTER, EnvelopeError, parseEnvelope, type ExportEnvelope } from './envelope';
import { renderEnvelope, hasLayout } from './render-export';
import { DOCX_RECORD_PART } from './docx';
import { recordProblems, versionFingerprint } from '../../../shared/src/versions/version-record';
import { EXPORT_LAYOUTS, type ExportFormat, type Verification } from '../../../shared/src/api/versions';

export type OfflineVerification = Omit<Verification, 'registered'> & { envelope: ExportEnvelope | null };

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
      let zip: JSZip;
      try {
        zip = await JSZip.loadAsync(bytes);
      } catch {
        throw new EnvelopeError('The file is not a readable DOCX (zip) file.');
      }
      const part = zip.file(DOCX_RECORD_PART);
      if (!part) throw new EnvelopeError('The DOCX file has no Concordia record part.');
      return parseEnvelope(base64Element(await part.async('string')));
    }
    case 'pdf':
      return parseEnvelope(pdfAttachment(bytes));
  }
}

export interface VerifyOptions {
  /** Asked before the (costly) re-rendering, once the record is known to hash to its fingerprint: false stops with 'unknown_fingerprint'. */
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
    envelope: null,
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
  if (options.isKnown && !(await options.isKnown(envelope.fingerprint))) {
    return fail('unknown_fingerprint', `No version with the fingerprint ${envelope.fingerprint} is held here.`);
  }
  const layoutValid = hasLayout(result.format) ? (EXPORT_LAYOUTS as readonly unknown[]).includes(envelope.layout) : envelope.layout === null;
  if (!layoutValid) return fail('file_altered', `The layout ${JSON.stringify(envelope.layout)} is not one a ${result.format} export has.`);
  const expected = await renderEnvelope(envelope, result.format);
  if (!expected.equals(bytes)) {
    const at = firstDifference(expected, bytes);
    return fail(
      'file_altered',
      `The file differs from the export of its record from byte ${at} on (${bytes.length} bytes, the export has ${expected.length}).`,
    );
  }
  return { ...result, genuine: true };
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
  try {
    return (/\/Filter \/FlateDecode\b/.test(dictionary) ? zlib.inflateSync(raw) : raw).toString('utf8');
  } catch {
    throw new EnvelopeError('The attached file of the PDF is damaged.');
  }
}
