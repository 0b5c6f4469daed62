import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { AppError } from '../http/errors';
import { endSessionsOfUserExcept, openSessionsOf, type OpenSessionRow } from '../auth/session-devices';
import type { ActiveSession } from '../auth/sessions';
import { recordIdentityEventIn } from '../audit/identity-events';

/** The person's open sessions, theirs alone, the one asking marked. */
export async function listOwnSessions(ctx: AppContext, session: ActiveSession): Promise<Array<OpenSessionRow & { current: boolean }>> {
  const rows = await openSessionsOf(ctx.pool, session.user.id, ctx.env.SESSION_IDLE_MINUTES);
  return rows.map((row) => ({ ...row, current: row.id === session.id }));
}

/** Ends one of the person's other sessions (its sockets close). The one asking ends by signing out. */
export async function endOwnSession(ctx: AppContext, session: ActiveSession, publicId: string): Promise<void> {
  const userId = session.user.id;
  const endedId = await withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM sessions WHERE public_id = $1 AND user_id = $2 AND ended_at IS NULL FOR UPDATE', [
      publicId,
      userId,
    ]);
    const found = rows[0];
    if (!found) throw new AppError('not_found');
    if (found.id === session.id) throw new AppError('session_is_current');
    await client.query('UPDATE sessions SET ended_at = now() WHERE id = $1', [found.id]);
    await recordIdentityEventIn(client, { action: 'session.ended', actorUserId: userId, userId, details: { session: publicId, how: 'ended_by_owner' } });
    return found.id;
  });
  ctx.events.emit('session.ended', { sessionId: endedId, userId });
}

/** "Sign out everywhere else": every session of the person but this one ends. */
export async function endOtherSessions(ctx: AppContext, session: ActiveSession): Promise<number> {
  const userId = session.user.id;
  const ended = await withTransaction(ctx.pool, async (client) => {
    const ids = await endSessionsOfUserExcept(client, userId, session.id);
    await recordIdentityEventIn(client, { action: 'session.ended_everywhere', actorUserId: userId, userId, details: { sessionsEnded: ids.length } });
    return ids;
  });
  for (const sessionId of ended) ctx.events.emit('session.ended', { sessionId, userId });
  return ended.length;
}
