import type { ImportPreviewJSON } from '../../../shared/src/api/imports';
import type { StoredPreview } from '../commands/preview-import';

/** What the browser needs to show and correct a preview; the files' hashes stay in the audit trail. */
export function presentImportPreview(preview: StoredPreview): ImportPreviewJSON {
  return {
    id: preview.id,
    expiresAt: preview.expiresAt.toISOString(),
    languages: preview.languages,
    title: preview.title,
    files: preview.files.map(({ language, name, format, bytes, structure }) => ({ language, name, format, bytes, structure })),
    rows: preview.rows.map((row) => ({ id: row.id, kind: row.kind, texts: row.texts })),
    report: {
      languages: preview.report.languages,
      counts: preview.report.counts,
      aligned: preview.report.aligned,
      entries: preview.report.entries.map(({ rowId, index, kind, issue }) => ({ rowId, index, kind, issue })),
    },
  };
}
