/**
 * One entry point for every export format: the same envelope always renders to the same bytes.
 */
import { renderPdf } from './pdf';
import { renderDocx } from './docx';
import { renderAkomaNtoso } from './akoma-ntoso';
import { envelopeBytes, exportFileName, makeEnvelope, type ExportEnvelope } from './envelope';
import type { ExportFormat, ExportLayout } from '../../../shared/src/api/versions';
import type { VersionRecord } from '../../../shared/src/versions/version-record';

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

export async function renderExport(record: VersionRecord, format: ExportFormat, layout: ExportLayout): Promise<RenderedExport> {
  const envelope = makeEnvelope(record, hasLayout(format) ? layout : null);
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
