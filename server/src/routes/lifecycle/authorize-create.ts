import type { AppContext } from '../../context';
import { can, type PolicySubject } from '../../../../shared/src/policy';
import { recordDenial, type AccessPoint } from '../../policies/authorize';
import { AppError } from '../../http/errors';
import type { SessionUser } from '../../auth/sessions';

/**
 * Creating a negotiation involves no document yet, so the policy's 'document.create' is checked
 * against the caller's secretariat membership of any negotiation (or their administrator flag).
 * A refusal is recorded like every other and answered 403: here there is no document to hide.
 */
export async function authorizeCreate(ctx: AppContext, user: SessionUser, where: AccessPoint): Promise<void> {
  const { rows } = await ctx.pool.query<{ role: 'secretariat' }>(
    `SELECT role FROM memberships m JOIN documents d ON d.id = m.document_id
      WHERE m.user_id = $1 AND m.role = 'secretariat' LIMIT 1`, [user.id]);
  const subject: PolicySubject = { userId: user.id, isAdmin: user.isAdmin, membership: rows[0] ? { role: 'secretariat', participantId: null } : null };
  const decision = can(subject, 'document.create');
  if (decision.allowed) return;
  await recordDenial(ctx, subject, 'document.create', decision.reason, where);
  throw new AppError('forbidden');
}

/** Whether the caller may create negotiations (for the client's "New negotiation" button). */
export async function mayCreate(ctx: AppContext, user: SessionUser): Promise<boolean> {
  if (user.isAdmin) return true;
  const { rows } = await ctx.pool.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND role = 'secretariat' LIMIT 1`, [user.id]);
  return rows.length > 0;
}
