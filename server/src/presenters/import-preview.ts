import { z } from 'zod';
import { CLAUSE_KINDS } from '../../../shared/src/yjs-layout';
import type { StoredPreview } from '../commands/preview-import';

const nodeJSON: z.ZodType = z.lazy(() => z.object({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  content: z.array(nodeJSON).optional(),
  marks: z.array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() })).optional(),
  text: z.string().optional(),
}));

const rowText = z.object({ number: z.string().nullable(), content: nodeJSON }).nullable();

export const previewRowSchema = z.object({
  id: z.string(),
  kind: z.enum(CLAUSE_KINDS),
  texts: z.record(z.string(), rowText),
}).meta({ id: 'ImportPreviewRow' });

const issueSchema = z.union([
  z.object({ code: z.literal('missing'), languages: z.array(z.string()) }),
  z.object({ code: z.literal('number_mismatch'), numbers: z.record(z.string(), z.string().nullable()) }),
]);

export const importPreviewSchema = z.object({
  id: z.uuid(),
  expiresAt: z.iso.datetime(),
  languages: z.array(z.string()),
  title: z.record(z.string(), z.string().nullable()),
  files: z.array(z.object({ language: z.string(), name: z.string(), format: z.enum(['docx', 'markdown', 'text']), bytes: z.number().int(), structure: z.string() })),
  rows: z.array(previewRowSchema),
  report: z.object({
    languages: z.array(z.string()),
    counts: z.record(z.string(), z.record(z.string(), z.number().int())),
    aligned: z.boolean(),
    entries: z.array(z.object({ rowId: z.string(), index: z.number().int(), kind: z.enum(CLAUSE_KINDS), issue: issueSchema })),
  }),
}).meta({ id: 'ImportPreview' });

export type ImportPreviewJSON = z.infer<typeof importPreviewSchema>;

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
