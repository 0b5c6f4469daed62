import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { AppError } from '../http/errors';
import { hashPassword } from '../auth/passwords';
import { assertPasswordAllowed } from '../auth/password-policy';
import { endSessionsOfUser, type SessionUser } from '../auth/sessions';
import { randomToken, tokenHash } from '../auth/tokens';
import { recordIdentityEventIn } from '../audit/identity-events';
import type { UiLanguage } from '../i18n';

/** A reset link is good for a day: long enough to reach a person across time zones, short for a link in a mailbox. */
export const PASSWORD_RESET_TTL_HOURS = 24;
export const passwordResetPath = (token: string) => `/reset-password/${token}`;

const PENDING = 'used_at IS NULL AND revoked_at IS NULL AND expires_at > now()';

export interface ResetTarget {
  id: string;
  email: string;
  display_name: string;
  ui_language: UiLanguage;
  is_admin: boolean;
}

/**
 * The secretariat (for a member of `documentId`) or an administrator (for anyone, `documentId` null)
 * sends a person a single-use link to choose a new password. Who may reset whom is the policy's
 * (rule [P9] of shared/src/policy.ts; the route authorised it); here the person must exist and, on
 * a negotiation's route, be a member of it. Returns the token, which is never stored: only its hash is.
 * An earlier pending link of the same person is withdrawn.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  actor: SessionUser,
  userId: string,
  documentId: string | null,
): Promise<{ token: string; expiresAt: Date; target: ResetTarget }> {
  const token = randomToken(32);
  return withTransaction(ctx.pool, async (client) => {
    const found = await client.query<ResetTarget>(
      `SELECT u.id, u.email, u.display_name, u.ui_language, u.is_admin FROM users u
        WHERE u.id = $1 AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.document_id = $2))
        FOR UPDATE OF u`,
      [userId, documentId],
    );
    const target = found.rows[0];
    if (!target) throw new AppError('no_such_user');
    // The route's policy check read is_admin before this lock; re-checked so a promotion in between cannot slip through.
    if (target.is_admin && !actor.isAdmin) throw new AppError('forbidden');
    await client.query(`UPDATE password_resets SET revoked_at = now() WHERE user_id = $1 AND ${PENDING}`, [userId]);
    const { rows } = await client.query<{ id: string; expires_at: Date }>(
      `INSERT INTO password_resets (user_id, token_hash, requested_by, document_id, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING id, expires_at`,
      [userId, tokenHash(token), actor.id, documentId, PASSWORD_RESET_TTL_HOURS],
    );
    await recordIdentityEventIn(client, {
      action: 'password.reset_requested',
      actorUserId: actor.id,
      userId,
      details: { resetId: rows[0].id, documentId },
    });
    return { token, expiresAt: rows[0].expires_at, target };
  });
}

/** Whose password a pending link resets, for the reset screen; otherwise password_reset_invalid. */
export async function findPendingReset(ctx: AppContext, token: string): Promise<{ email: string; display_name: string; expires_at: Date }> {
  const { rows } = await ctx.pool.query<{ email: string; display_name: string; expires_at: Date }>(
    `SELECT u.email, u.display_name, r.expires_at FROM password_resets r JOIN users u ON u.id = r.user_id
      WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now() AND u.disabled_at IS NULL`,
    [tokenHash(token)],
  );
  if (!rows[0]) throw new AppError('password_reset_invalid');
  return rows[0];
}

/**
 * Uses a reset link: the new password must pass the rules, the link is spent (a second use is refused
 * even when both arrive at once: the row is locked and checked again), and every session of the person
 * ends — whoever had the account is out. The person then signs in with the new password.
 */
export async function usePasswordReset(ctx: AppContext, input: { token: string; password: string; ip: string }): Promise<void> {
  const owner = await findPendingReset(ctx, input.token);
  assertPasswordAllowed(input.password, { email: owner.email, displayName: owner.display_name });
  const hash = await hashPassword(input.password);
  const { userId, ended } = await withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ id: string; user_id: string }>(
      `SELECT id, user_id FROM password_resets WHERE token_hash = $1 AND ${PENDING} FOR UPDATE`,
      [tokenHash(input.token)],
    );
    const reset = rows[0];
    if (!reset) throw new AppError('password_reset_invalid');
    await client.query('UPDATE password_resets SET used_at = now() WHERE id = $1', [reset.id]);
    await client.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [reset.user_id, hash]);
    const endedIds = await endSessionsOfUser(client, reset.user_id);
    await recordIdentityEventIn(client, {
      action: 'password.reset_used',
      actorUserId: reset.user_id,
      userId: reset.user_id,
      details: { resetId: reset.id, sessionsEnded: endedIds.length, address: input.ip },
    });
    return { userId: reset.user_id, ended: endedIds };
  });
  for (const sessionId of ended) ctx.events.emit('session.ended', { sessionId, userId });
  ctx.log.info({ userId, sessionsEnded: ended.length }, 'password reset with a link');
}
