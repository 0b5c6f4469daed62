import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import type { StatusChange } from '../collab/live-documents';

/**
 * Archives a document: its status becomes 'archived', so the policy refuses every change on every
 * channel, and open collab connections turn read-only at once. Its text, approvals and history stay.
 */
export async function archiveDocument(ctx: AppContext, actorId: string, documentId: string): Promise<{ archivedAt: Date }> {
  let change: StatusChange | null = null;
  const archiving = withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ status: string }>('SELECT status FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
    if (!rows[0]) throw new AppError('not_found');
    if (rows[0].status === 'archived') throw new AppError('document_frozen');
    // Read-only in memory before the commit, so no edit lands between the commit and the flip.
    change = ctx.documents.setStatus(documentId, 'archived');
    const updated = await client.query<{ archived_at: Date }>(
      `UPDATE documents SET status = 'archived', archived_at = now(), updated_at = now() WHERE id = $1 RETURNING archived_at`,
      [documentId],
    );
    await recordAuditEvent(client, { documentId, actorUserId: actorId, action: 'document.archived', subject: { from: rows[0].status } });
    return updated.rows[0].archived_at;
  });
  const archivedAt = await archiving.catch((error: unknown) => {
    (change as StatusChange | null)?.undo();
    throw error;
  });
  (change as StatusChange | null)?.committed();
  ctx.events.emit('document.status', { documentId, status: 'archived' });
  ctx.log.info({ documentId, actorId }, 'document archived');
  return { archivedAt };
}
