/**
 * The downloads of a draft: DOCX with tracked changes, PDF with proposals marked. Neither is a
 * verifiable export (render-export.ts): no envelope, no fingerprint, a file name that says "draft".
 */
import { renderDraftDocx } from './draft-docx';
import { renderDraftPdf } from './draft-pdf';
import { EXPORT_CONTENT_TYPES } from './render-export';
import type { DraftText } from './draft-text';
import type { DraftExportFormat, ExportLayout } from '../../../shared/src/api/versions';

export interface RenderedDraft {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

export async function renderDraft(draft: DraftText, format: DraftExportFormat, layout: ExportLayout): Promise<RenderedDraft> {
  const bytes = format === 'docx' ? await renderDraftDocx(draft, layout) : await renderDraftPdf(draft, layout);
  return { bytes, fileName: draftFileName(draft, layout, format), contentType: EXPORT_CONTENT_TYPES[format] };
}

/** "<title>-draft-<parallel>-<when>.docx": the title's first language in ASCII, and the time the text stood so. */
export function draftFileName(draft: DraftText, layout: ExportLayout, extension: string): string {
  const title = draft.document.title[draft.document.languages[0]] ?? 'agreement';
  const slug =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'agreement';
  const when = draft.at.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${slug}-draft-${layout}-${when}.${extension}`;
}
