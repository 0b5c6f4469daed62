import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { AppError } from '../http/errors';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { assertPasswordAllowed } from '../auth/password-policy';
import { forgiveLoginAttempt, reserveLoginAttempt } from '../auth/login-throttle';
import { endSessionsOfUserExcept } from '../auth/session-devices';
import type { ActiveSession } from '../auth/sessions';
import { recordIdentityEventIn } from '../audit/identity-events';

/**
 * A person changes their own password: the current one first (throttled like signing in, so a session
 * left open is not a way to guess it), then the new one must pass the rules. Every other session of
 * the person ends — whoever else held one is out — and this one stays. Pending reset links are
 * withdrawn: the person has just chosen.
 */
export async function changePassword(
  ctx: AppContext,
  session: ActiveSession,
  input: { currentPassword: string; newPassword: string; ip: string },
): Promise<{ sessionsEnded: number }> {
  const { user } = session;
  assertPasswordAllowed(input.newPassword, { email: user.email, displayName: user.displayName });
  const throttle = await reserveLoginAttempt(ctx.pool, ctx.env, { email: user.email, ip: input.ip, knownDevice: null });
  if (!throttle.allowed) throw new AppError('too_many_attempts', { seconds: throttle.retryAfterSeconds });
  const { rows } = await ctx.pool.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
  if (!(await verifyPassword(input.currentPassword, rows[0]?.password_hash ?? null))) throw new AppError('current_password_wrong');
  await forgiveLoginAttempt(ctx.pool, throttle);
  const hash = await hashPassword(input.newPassword);
  const ended = await withTransaction(ctx.pool, async (client) => {
    await client.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [user.id, hash]);
    await client.query('UPDATE password_resets SET revoked_at = now() WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL', [user.id]);
    const endedIds = await endSessionsOfUserExcept(client, user.id, session.id);
    await recordIdentityEventIn(client, {
      action: 'password.changed',
      actorUserId: user.id,
      userId: user.id,
      details: { sessionsEnded: endedIds.length, address: input.ip },
    });
    return endedIds;
  });
  for (const sessionId of ended) ctx.events.emit('session.ended', { sessionId, userId: user.id });
  ctx.log.info({ userId: user.id, sessionsEnded: ended.length }, 'password changed');
  return { sessionsEnded: ended.length };
}
