/** Importing drafts: the preview of uploaded files and its confirmation (docs/api.md, "Import"). */
import { z } from 'zod';
import { CLAUSE_KINDS } from '../yjs-layout';
import { languageCode } from './common';

const nodeJSON: z.ZodType = z.lazy(() =>
  z.object({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeJSON).optional(),
    marks: z.array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() })).optional(),
    text: z.string().optional(),
  }),
);

const rowText = z
  .object({
    number: z.string().nullable(),
    title: nodeJSON.nullable().optional().describe('the article’s title ("Purpose"), written as the clause’s first line, in bold'),
    content: nodeJSON,
  })
  .nullable();

export const previewRowSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CLAUSE_KINDS),
    texts: z.record(z.string(), rowText),
  })
  .meta({ id: 'ImportPreviewRow' });

const issueSchema = z.union([
  z.object({ code: z.literal('missing'), languages: z.array(z.string()) }),
  z.object({ code: z.literal('number_mismatch'), numbers: z.record(z.string(), z.string().nullable()) }),
]);

export const importPreviewSchema = z
  .object({
    id: z.uuid(),
    expiresAt: z.iso.datetime(),
    languages: z.array(z.string()),
    title: z.record(z.string(), z.string().nullable()),
    files: z.array(
      z.object({ language: z.string(), name: z.string(), format: z.enum(['docx', 'markdown', 'text']), bytes: z.number().int(), structure: z.string() }),
    ),
    rows: z.array(previewRowSchema),
    report: z.object({
      languages: z.array(z.string()),
      counts: z.record(z.string(), z.record(z.string(), z.number().int())),
      aligned: z.boolean(),
      entries: z.array(z.object({ rowId: z.string(), index: z.number().int(), kind: z.enum(CLAUSE_KINDS), issue: issueSchema })),
    }),
  })
  .meta({ id: 'ImportPreview' });

export type ImportPreviewJSON = z.infer<typeof importPreviewSchema>;

export const importPreviewAnswerSchema = z.object({ preview: importPreviewSchema });

const rowId = z.string().regex(/^r\d{1,6}$/);
/** One correction of the preview, applied in order by shared/src/import/preview-ops.ts. */
export const previewOperationSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('pair'), rows: z.tuple([rowId, rowId]) }).strict(),
  z.object({ op: z.literal('unpair'), row: rowId, language: languageCode }).strict(),
  z.object({ op: z.literal('split'), row: rowId, language: languageCode, at: z.number().int().min(1).max(100_000) }).strict(),
  z.object({ op: z.literal('merge'), row: rowId, language: languageCode.optional() }).strict(),
  z.object({ op: z.literal('set_kind'), row: rowId, kind: z.enum(CLAUSE_KINDS) }).strict(),
  z.object({ op: z.literal('remove'), row: rowId }).strict(),
]);

export const importModeSchema = z.enum(['replace', 'append']);
export const confirmImportBodySchema = z
  .object({
    previewId: z.uuid(),
    mode: importModeSchema,
    operations: z.array(previewOperationSchema).max(5000).default([]),
  })
  .strict();
export type ConfirmImportBody = z.input<typeof confirmImportBodySchema>;

const clauseGaps = z.array(z.object({ clauseId: z.string(), missing: z.array(z.string()) }));
export const importResultSchema = z.object({ mode: importModeSchema, clauseIds: z.array(z.string()), flagged: clauseGaps });
export type ImportResultJSON = z.infer<typeof importResultSchema>;
/** Clauses with text missing in some language, as the text is now. */
export const importFlagsSchema = z.object({ clauses: clauseGaps });
