import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { serverOrigin } from '../collab/origins';
import { applyOperations, rowsToClauses, type PreviewOperation, type PreviewRow } from '../../../shared/src/import';
import type { LanguageCode } from '../../../shared/src/languages';
import { newClauseId } from '../../../shared/src/yjs-layout';
import { assertClauseTexts, writeClauses, type ImportMode } from '../import/write-clauses';
import { IMPORT_LIMITS } from '../import/import-limits';

export interface ImportClausesInput {
  previewId: string;
  mode: ImportMode;
  operations: PreviewOperation[];
}

export interface ImportResult {
  mode: ImportMode;
  clauseIds: string[];
  /** Clauses imported with an empty text in some languages: no file had their counterpart. */
  flagged: Array<{ clauseId: string; missing: LanguageCode[] }>;
}

interface PreviewRecord {
  languages: string[];
  rows: PreviewRow[];
  files: unknown;
}

/**
 * Writes a confirmed preview into the document: the stored rows with the secretariat's corrections
 * applied, replacing the text or appended to it. Refused when the document is not a draft (423) or
 * when any clause of it was ever approved (409): an import would overwrite negotiated text.
 *
 * The checks, the preview's use, the audit event and the Yjs change share one transaction, with the
 * document row locked against a concurrent approval; the Yjs change is made last, and the collab
 * server stores it (as origin 'import') before any client receives it.
 */
export async function importClauses(
  ctx: AppContext,
  actorId: string,
  document: { id: string; languages: string[] },
  input: ImportClausesInput,
): Promise<ImportResult> {
  const { rows: found } = await ctx.pool.query<PreviewRecord>(
    `SELECT languages, rows, files FROM import_previews
      WHERE id = $1 AND document_id = $2 AND used_at IS NULL AND expires_at > now()`,
    [input.previewId, document.id],
  );
  const preview = found[0];
  if (!preview) throw new AppError('import_preview_expired');
  let rows: PreviewRow[];
  try {
    rows = applyOperations(preview.rows, input.operations);
  } catch (error) {
    ctx.log.info({ documentId: document.id, previewId: input.previewId, reason: (error as Error).message }, 'import refused: corrections do not apply');
    throw new AppError('import_correction_invalid');
  }
  if (rows.length === 0) throw new AppError('import_correction_invalid');
  // Corrections can split rows: the confirmation is held to the preview's limit (one Yjs transaction on the event loop).
  if (rows.length > IMPORT_LIMITS.clauses) {
    const names = Array.isArray(preview.files) ? (preview.files as Array<{ name?: unknown }>).map((file) => String(file.name)).join(', ') : '';
    throw new AppError('import_too_many_clauses', { file: names, limit: IMPORT_LIMITS.clauses });
  }
  const languages = document.languages;
  const clauses = rowsToClauses(rows, languages);
  try {
    assertClauseTexts(clauses, languages);
  } catch (error) {
    ctx.log.warn({ documentId: document.id, previewId: input.previewId, reason: (error as Error).message }, 'import refused: a stored row is not valid');
    throw new AppError('import_correction_invalid');
  }

  const clauseIds = await ctx.documents.write(document.id, serverOrigin('import'), (apply) =>
    withTransaction(ctx.pool, async (client) => {
      const status = await client.query<{ status: string }>('SELECT status FROM documents WHERE id = $1 FOR NO KEY UPDATE', [document.id]);
      if (!status.rows[0]) throw new AppError('not_found');
      if (status.rows[0].status !== 'draft') throw new AppError('document_frozen');
      const approved = await client.query(`SELECT 1 FROM approvals WHERE document_id = $1 AND kind = 'approval' LIMIT 1`, [document.id]);
      if (approved.rows.length > 0) throw new AppError('import_after_approval');
      const used = await client.query(`UPDATE import_previews SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`, [input.previewId]);
      if (used.rows.length === 0) throw new AppError('import_preview_expired');
      const ids = clauses.map(() => newClauseId());
      const flagged = clauses.flatMap((clause, i) => (clause.missing.length > 0 ? [{ clauseId: ids[i], missing: clause.missing }] : []));
      await recordAuditEvent(client, {
        documentId: document.id,
        actorUserId: actorId,
        action: 'document.imported',
        subject: { previewId: input.previewId, mode: input.mode, files: preview.files, clauses: ids.length, corrections: input.operations.length, flagged },
      });
      await client.query('UPDATE documents SET updated_at = now() WHERE id = $1', [document.id]);
      // Last, and synchronous: the change is queued for storage on its own connection and relayed once
      // stored (a frozen live document refuses it, and the transaction rolls back).
      let next = 0;
      apply((doc) => writeClauses(doc, languages, clauses, input.mode, () => ids[next++]));
      return ids;
    }),
  );
  const flagged = clauses.flatMap((clause, i) => (clause.missing.length > 0 ? [{ clauseId: clauseIds[i], missing: clause.missing }] : []));
  ctx.log.info(
    { documentId: document.id, previewId: input.previewId, mode: input.mode, clauses: clauseIds.length, flagged: flagged.length },
    'document imported',
  );
  return { mode: input.mode, clauseIds, flagged };
}
