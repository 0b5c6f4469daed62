/**
 * One entry point for every export format: the same envelope always renders to the same bytes.
 */
import { renderPdf } from './pdf';
import { renderDocx } from './docx';
import { renderAkomaNtoso } from './akoma-ntoso';
import { envelopeBytes, exportFileName, makeEnvelope, type EnvelopeOptions, type ExportEnvelope } from './envelope';
import type { ExportFormat, ExportLayout } from '../../../shared/src/api/versions';
import type { VersionRecord } from '../../../shared/src/versions/version-record';

export { originalFor } from './alternat';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
  akn: 'application/akn+xml',
};

const EXTENSIONS: Record<ExportFormat, string> = { pdf: 'pdf', docx: 'docx', json: 'json', akn: 'akn.xml' };

/** Whether the format draws a layout (the texts side by side, or one after the other). */
export const hasLayout = (format: ExportFormat): boolean => format === 'pdf' || format === 'docx';

export interface RenderedExport {
  bytes: Buffer;
  envelope: ExportEnvelope;
  fileName: string;
  contentType: string;
}

/**
 * `options.original`: that Participant's original under the alternat (`originalFor(record, participantId)`);
 * `options.attestations`: the initials and confirmations recorded for the version, printed on every page
 * and carried in the envelope, so that verification draws them again. Without either, the export of a
 * record is the one it always was.
 */
export async function renderExport(record: VersionRecord, format: ExportFormat, layout: ExportLayout, options: EnvelopeOptions = {}): Promise<RenderedExport> {
  const envelope = makeEnvelope(record, hasLayout(format) ? layout : null, options);
  const bytes = await renderEnvelope(envelope, format);
  return { bytes, envelope, fileName: exportFileName(envelope, EXTENSIONS[format]), contentType: EXPORT_CONTENT_TYPES[format] };
}

export async function renderEnvelope(envelope: ExportEnvelope, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdf(envelope);
    case 'docx':
      return renderDocx(envelope);
    case 'akn':
      return renderAkomaNtoso(envelope);
    case 'json':
      return envelopeBytes(envelope);
  }
}
