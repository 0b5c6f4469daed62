import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import type { Preview } from '../../../shared/src/import';
import type { SourceFormat } from '../../../shared/src/import/types';
import type { LanguageCode } from '../../../shared/src/languages';
import type { UploadedFile } from '../import/sniff-file';
import { readUploadOffThread } from '../import/import-thread';

/** How long a preview waits for its confirmation. */
export const PREVIEW_TTL_MINUTES = 60;

export interface LanguageFile extends UploadedFile {
  language: LanguageCode;
}

export interface FileSummary {
  language: LanguageCode;
  name: string;
  format: SourceFormat;
  bytes: number;
  sha256: string;
  structure: string;
}

export interface StoredPreview extends Preview {
  id: string;
  files: FileSummary[];
  expiresAt: Date;
}

/**
 * Reads the uploaded files (one per language) into a preview of the clause rows, aligned across the
 * languages, and keeps it for the confirmation. Nothing is written to the document. A file that is
 * not what it claims, empty, protected or without structure refuses the whole upload, and then
 * nothing at all is stored.
 */
export async function previewImport(
  ctx: AppContext,
  actorId: string,
  document: { id: string; languages: string[] },
  files: readonly LanguageFile[],
): Promise<StoredPreview> {
  if (files.length === 0) throw new AppError('import_no_files');
  for (const file of files) {
    if (!document.languages.includes(file.language)) throw new AppError('import_language_not_in_document', { language: file.language });
  }
  // Read on the import thread, within the limits of import/import-limits.ts: never on the event loop.
  const { preview, files: read } = await readUploadOffThread({
    languages: document.languages,
    files: files.map(({ language, name, mimeType, bytes }) => ({ language, name, mimeType, bytes })),
    maxBytes: ctx.env.IMPORT_MAX_BYTES,
  });
  const summaries: FileSummary[] = files.map((file, index) => ({
    language: file.language,
    name: file.name,
    format: read[index].format,
    bytes: file.bytes.length,
    sha256: read[index].sha256,
    structure: read[index].structure,
  }));

  const stored = await withTransaction(ctx.pool, async (client) => {
    await client.query('DELETE FROM import_previews WHERE document_id = $1 AND (expires_at < now() OR used_at IS NOT NULL)', [document.id]);
    const { rows } = await client.query<{ id: string; expires_at: Date }>(
      `INSERT INTO import_previews (document_id, created_by, languages, files, title, rows, counts, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(mins => $8)) RETURNING id, expires_at`,
      [
        document.id,
        actorId,
        preview.languages,
        JSON.stringify(summaries),
        JSON.stringify(preview.title),
        JSON.stringify(preview.rows),
        JSON.stringify(preview.report.counts),
        PREVIEW_TTL_MINUTES,
      ],
    );
    await recordAuditEvent(client, {
      documentId: document.id,
      actorUserId: actorId,
      action: 'import.previewed',
      subject: { previewId: rows[0].id, files: summaries, rows: preview.rows.length, aligned: preview.report.aligned, issues: preview.report.entries.length },
    });
    return rows[0];
  });
  ctx.log.info({ documentId: document.id, previewId: stored.id, rows: preview.rows.length, issues: preview.report.entries.length }, 'import previewed');
  return { ...preview, id: stored.id, files: summaries, expiresAt: stored.expires_at };
}
