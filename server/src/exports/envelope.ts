/**
 * What every export carries so that whoever holds the file can check it: the canonical record of the
 * version, the fingerprint it claims, the layout it was drawn with and the exporter that drew it.
 * The JSON export is this envelope itself; PDF, DOCX and Akoma Ntoso embed it (an attached file, a
 * custom XML part, a proprietary metadata element). Verification re-renders the file from it and
 * compares bytes (verify-file.ts).
 */
import { serialize } from '../../../shared/src/canonical';
import { versionFingerprint, type VersionRecord } from '../../../shared/src/versions/version-record';
import type { ExportLayout } from '../../../shared/src/versions/version-api';

/** Names the renderers' output; a change that alters any export's bytes gets a new one. */
export const EXPORTER = 'concordia.export.v1';

export interface ExportEnvelope {
  exporter: string;
  fingerprint: string;
  /** PDF and DOCX only; null for JSON and Akoma Ntoso. */
  layout: ExportLayout | null;
  record: VersionRecord;
}

export function makeEnvelope(record: VersionRecord, layout: ExportLayout | null): ExportEnvelope {
  return { exporter: EXPORTER, fingerprint: versionFingerprint(record), layout, record };
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
  if (!envelope || typeof envelope !== 'object' || typeof envelope.exporter !== 'string' || typeof envelope.fingerprint !== 'string'
    || !envelope.record || typeof envelope.record !== 'object' || !('layout' in envelope)) {
    throw new EnvelopeError('The embedded record is not a Concordia export envelope.');
  }
  return envelope as ExportEnvelope;
}

/** A file name: the title's first language in ASCII, then the start of the fingerprint. */
export function exportFileName(envelope: ExportEnvelope, extension: string): string {
  const { record } = envelope;
  const title = record.document.title[record.document.languages[0]] ?? 'agreement';
  const slug = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'agreement';
  const layout = envelope.layout ? `-${envelope.layout}` : '';
  return `${slug}-${record.version.kind}${layout}-${envelope.fingerprint.slice(0, 12)}.${extension}`;
}
