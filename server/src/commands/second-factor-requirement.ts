import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { HAS_SECOND_FACTOR_SQL } from '../auth/second-factors/factors';

/**
 * Requires (or stops requiring) a second factor of every member of a negotiation. The one who requires
 * it must have one (or they would lock themselves out). Members who have none lose the negotiation at
 * once: their sockets on it are re-checked, and document-access.ts refuses them from then on.
 */
export async function setSecondFactorRequirement(ctx: AppContext, actorId: string, documentId: string, required: boolean): Promise<boolean> {
  if (required) {
    const { rows } = await ctx.pool.query<{ has: boolean }>(`SELECT ${HAS_SECOND_FACTOR_SQL('$1::uuid')} AS has`, [actorId]);
    if (!rows[0]?.has) throw new AppError('second_factor_needed_first');
  }
  const lacking = await withTransaction(ctx.pool, async (client) => {
    const before = await client.query<{ required: boolean }>('SELECT require_second_factor AS required FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
    if (before.rows[0]?.required === required) return [];
    await client.query('UPDATE documents SET require_second_factor = $2 WHERE id = $1', [documentId, required]);
    await recordAuditEvent(client, { documentId, actorUserId: actorId, action: 'second_factor.requirement_changed', subject: { required } });
    if (!required) return [];
    const { rows } = await client.query<{ user_id: string }>(
      `SELECT m.user_id FROM memberships m WHERE m.document_id = $1 AND NOT ${HAS_SECOND_FACTOR_SQL('m.user_id')}`,
      [documentId],
    );
    return rows.map((r) => r.user_id);
  });
  for (const userId of lacking) ctx.events.emit('membership.changed', { userId, documentId, removed: false });
  return required;
}
