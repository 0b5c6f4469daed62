import * as Y from 'yjs';
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { serverOrigin } from '../collab/origins';
import type { PreviewOperation } from '../../../shared/src/import';
import type { LanguageCode } from '../../../shared/src/languages';
import type { ImportMode } from '../import/write-clauses';
import { buildImportUpdateOffThread } from '../import/build-thread';

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
  /** As text: the rows are parsed on the import-writing thread, not here. */
  rows: string;
  files: unknown;
}

/** A Yjs clientID the document has never used, so the update built elsewhere integrates as written. */
function unusedClientId(doc: Y.Doc): number {
  const used = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (;;) {
    const id = Math.floor(Math.random() * 0xffffffff) >>> 0;
    if (!used.has(id) && id !== doc.clientID) return id;
  }
}

/**
 * Writes a confirmed preview into the document: the stored rows with the secretariat's corrections
 * applied, replacing the text or appended to it. Refused when the document is not a draft (423) or
 * when any clause of it was ever approved (409): an import would overwrite negotiated text.
 *
 * The rows, the corrections, the schema checks and the Yjs update itself are worked out on the
 * import-writing thread (import/build-import-update.ts) from a copy of the live state, so the event
 * loop serving everyone only applies one finished update. The checks, the preview's use, the audit
 * event and those updates share one transaction, with the document row locked against a concurrent
 * approval. The updates are applied last, the event loop free between them: first the clause entries,
 * which are not yet part of the text, then the order, in one Yjs transaction, so the import appears
 * whole or not at all. The collab server stores each (as origin 'import') before any client receives it.
 */
export async function importClauses(
  ctx: AppContext,
  actorId: string,
  document: { id: string; languages: string[] },
  input: ImportClausesInput,
): Promise<ImportResult> {
  const { rows: found } = await ctx.pool.query<PreviewRecord>(
    `SELECT rows::text AS rows, files FROM import_previews
      WHERE id = $1 AND document_id = $2 AND used_at IS NULL AND expires_at > now()`,
    [input.previewId, document.id],
  );
  const preview = found[0];
  if (!preview) throw new AppError('import_preview_expired');
  const languages = document.languages as LanguageCode[];
  const fileNames = Array.isArray(preview.files) ? (preview.files as Array<{ name?: unknown }>).map((file) => String(file.name)).join(', ') : '';
  const log = ctx.log.child({ documentId: document.id, previewId: input.previewId });

  const built = await ctx.documents.write(document.id, serverOrigin('import'), async (apply) => {
    // The document is open and held by this write: its committed state is the live copy's.
    const { value: base } = await ctx.documents.read(document.id, (doc) => ({ state: Y.encodeStateAsUpdate(doc), clientId: unusedClientId(doc) }));
    const update = await buildImportUpdateOffThread(
      { rowsJson: preview.rows, operations: input.operations, languages, mode: input.mode, state: base.state, clientId: base.clientId, fileNames },
      log,
    );
    return withTransaction(ctx.pool, async (client) => {
      const status = await client.query<{ status: string }>('SELECT status FROM documents WHERE id = $1 FOR NO KEY UPDATE', [document.id]);
      if (!status.rows[0]) throw new AppError('not_found');
      if (status.rows[0].status !== 'draft') throw new AppError('document_frozen');
      const approved = await client.query(`SELECT 1 FROM approvals WHERE document_id = $1 AND kind = 'approval' LIMIT 1`, [document.id]);
      if (approved.rows.length > 0) throw new AppError('import_after_approval');
      const used = await client.query(`UPDATE import_previews SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`, [input.previewId]);
      if (used.rows.length === 0) throw new AppError('import_preview_expired');
      await recordAuditEvent(client, {
        documentId: document.id,
        actorUserId: actorId,
        action: 'document.imported',
        subject: {
          previewId: input.previewId,
          mode: input.mode,
          files: preview.files,
          clauses: update.clauseIds.length,
          corrections: input.operations.length,
          flagged: update.flagged,
        },
      });
      await client.query('UPDATE documents SET updated_at = now() WHERE id = $1', [document.id]);
      // Last: each update is queued for storage on its own connection and relayed once stored; a
      // document frozen meanwhile refuses the next one, and the transaction rolls back with nothing visible.
      for (const [index, change] of update.updates.entries()) {
        if (index > 0) await new Promise((resolve) => setImmediate(resolve));
        apply((doc) => Y.applyUpdate(doc, change));
      }
      return update;
    });
  });
  log.info({ mode: input.mode, clauses: built.clauseIds.length, flagged: built.flagged.length }, 'document imported');
  return { mode: input.mode, clauseIds: built.clauseIds, flagged: built.flagged };
}
