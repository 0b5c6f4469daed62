import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import type { DocumentPhase } from '../../../shared/src/policy';
import type { PhaseAnswer } from '../../../shared/src/api/proposals';

/**
 * Moves a draft between the drafting and the negotiation phase (the caller has authorized
 * `document.set_phase`). The live document applies the new phase to the next update it receives, on
 * every open connection; setting the phase it already has changes nothing and records nothing.
 */
export async function setDocumentPhase(ctx: AppContext, input: { documentId: string; phase: DocumentPhase; userId: string }): Promise<PhaseAnswer> {
  const { documentId, phase } = input;
  const changed = await withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ status: string; phase: DocumentPhase }>('SELECT status, phase FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
    const row = rows[0];
    if (!row) throw new AppError('not_found');
    if (row.status !== 'draft') throw new AppError('document_frozen');
    if (row.phase === phase) return false;
    await client.query('UPDATE documents SET phase = $2, updated_at = now() WHERE id = $1', [documentId, phase]);
    await recordAuditEvent(client, { documentId, actorUserId: input.userId, action: 'document.phase_changed', subject: { phase, previous: row.phase } });
    return true;
  });
  if (changed) {
    ctx.documents.setPhase(documentId, phase);
    ctx.log.info({ documentId, phase }, 'phase changed');
    ctx.events.emit('document.phase', { documentId, phase });
  }
  return { documentId, phase };
}
