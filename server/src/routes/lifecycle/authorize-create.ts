import type { AppContext } from '../../context';
import type { PolicySubject } from '../../../../shared/src/policy';
import type { Queryable } from '../../db/queryable';
import type { SessionUser } from '../../auth/sessions';

/**
 * Creating a negotiation involves no document yet, so the route's 'document.create' is decided on the
 * caller's secretariat membership of any negotiation (or their administrator flag): the membership a
 * creator acts through (AccountRouteAccess.actsAs).
 */
export async function secretariatOfAny(db: Queryable, user: { id: string }): Promise<PolicySubject['membership']> {
  const { rows } = await db.query<{ role: 'secretariat' }>(
    `SELECT role FROM memberships m JOIN documents d ON d.id = m.document_id
      WHERE m.user_id = $1 AND m.role = 'secretariat' LIMIT 1`,
    [user.id],
  );
  return rows[0] ? { role: 'secretariat', participantId: null } : null;
}

/** Whether the caller may create negotiations (for the client's "New negotiation" button). */
export async function mayCreate(ctx: AppContext, user: SessionUser): Promise<boolean> {
  if (user.isAdmin) return true;
  const { rows } = await ctx.pool.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND role = 'secretariat' LIMIT 1`, [user.id]);
  return rows.length > 0;
}
