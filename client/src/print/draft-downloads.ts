/**
 * The draft downloads (docs/api.md, "draft-export"): the text now, or a version, as DOCX with its
 * open proposals as tracked changes or as PDF with them marked — side by side or one language after
 * the other. Not the signed exports: those are on the signed page and carry a fingerprint.
 */
import type { DraftExportFormat, ExportLayout } from '../../../shared/src/api/versions';

export interface DraftChoice {
  format: DraftExportFormat;
  layout: ExportLayout;
  /** Its key under print:download. */
  label: 'pdfParallel' | 'pdfDuplicate' | 'docxParallel' | 'docxDuplicate';
}

/** In the order the menu offers them: what most people print first. */
export const DRAFT_CHOICES: readonly DraftChoice[] = [
  { format: 'pdf', layout: 'parallel', label: 'pdfParallel' },
  { format: 'pdf', layout: 'duplicate', label: 'pdfDuplicate' },
  { format: 'docx', layout: 'parallel', label: 'docxParallel' },
  { format: 'docx', layout: 'duplicate', label: 'docxDuplicate' },
];

/** Where the draft is downloaded from: the text now (versionId null) or a version. */
export function draftExportPath(documentId: string, versionId: string | null, choice: Pick<DraftChoice, 'format' | 'layout'>): string {
  const document = `/api/documents/${encodeURIComponent(documentId)}`;
  const source = versionId === null ? document : `${document}/versions/${encodeURIComponent(versionId)}`;
  return `${source}/draft-export?format=${choice.format}&layout=${choice.layout}`;
}
