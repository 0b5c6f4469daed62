import type { Env } from '../config/env';
import type { Queryable } from '../db/queryable';
import type { UiLanguage } from '../i18n';
import { randomToken, tokenHash } from './tokens';

/** The account behind a session, as the server uses it (never sent as is: see presenters/user). */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  uiLanguage: UiLanguage;
  isAdmin: boolean;
}

export interface ActiveSession {
  /** SHA-256 of the cookie's token: what the database and the event bus know the session by. */
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

export type SessionLookup = { state: 'active'; session: ActiveSession } | { state: 'expired' } | { state: 'none' };

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  ui_language: UiLanguage;
  is_admin: boolean;
}

export const toSessionUser = (row: UserRow): SessionUser => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  uiLanguage: row.ui_language,
  isAdmin: row.is_admin,
});

/** last_seen_at is written at most this often, so reading pages does not write on every request. */
const TOUCH_AFTER_SECONDS = 30;

type Timeouts = Pick<Env, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'>;

/** Opens a new session (a fresh random id every time: no session is ever adopted from a request). */
export async function startSession(db: Queryable, userId: string, env: Timeouts): Promise<{ token: string; id: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken(32);
  const csrfToken = randomToken(32);
  const id = tokenHash(token);
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO sessions (id, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
    [id, userId, csrfToken, env.SESSION_ABSOLUTE_HOURS],
  );
  return { token, id, csrfToken, expiresAt: rows[0].expires_at };
}

/**
 * The session a cookie token names, if it is still good: not ended, not past its absolute expiry,
 * not idle longer than allowed, and its user not disabled. Refreshes last_seen_at.
 */
export async function lookupSession(db: Queryable, token: string, env: Timeouts): Promise<SessionLookup> {
  return lookupSessionById(db, tokenHash(token), env);
}

/** The same, by session id (the token's hash) — for tickets and sockets that carry the id, not the token. */
export async function lookupSessionById(db: Queryable, id: string, env: Timeouts): Promise<SessionLookup> {
  const { rows } = await db.query<UserRow & { csrf_token: string; expires_at: Date; live: boolean; stale: boolean }>(
    `SELECT u.id, u.email, u.display_name, u.ui_language, u.is_admin, s.csrf_token, s.expires_at,
            (s.ended_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL
              AND s.last_seen_at > now() - make_interval(mins => $2)) AS live,
            s.last_seen_at < now() - make_interval(secs => $3) AS stale
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1`,
    [id, env.SESSION_IDLE_MINUTES, TOUCH_AFTER_SECONDS],
  );
  const row = rows[0];
  if (!row) return { state: 'none' };
  if (!row.live) return { state: 'expired' };
  if (row.stale) await db.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [id]);
  return { state: 'active', session: { id, csrfToken: row.csrf_token, expiresAt: row.expires_at, user: toSessionUser(row) } };
}

/** Ends one session; returns whether it was open. */
export async function endSession(db: Queryable, sessionId: string): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [sessionId]);
  return (rowCount ?? 0) > 0;
}

/** Ends every open session of a user; returns their ids. */
export async function endSessionsOfUser(db: Queryable, userId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL RETURNING id', [userId]);
  return rows.map((r) => r.id);
}

/** Marks sessions past their absolute or idle timeout as ended; returns them, so their sockets close. */
export async function endExpiredSessions(db: Queryable, env: Timeouts): Promise<Array<{ id: string; userId: string }>> {
  const { rows } = await db.query<{ id: string; user_id: string }>(
    `UPDATE sessions SET ended_at = now()
      WHERE ended_at IS NULL AND (expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $1))
      RETURNING id, user_id`,
    [env.SESSION_IDLE_MINUTES],
  );
  return rows.map((r) => ({ id: r.id, userId: r.user_id }));
}

/** Keeps sessions with an open socket from idling out: the person is there, just not clicking. */
export async function touchSessions(db: Queryable, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await db.query('UPDATE sessions SET last_seen_at = now() WHERE id = ANY($1::text[]) AND ended_at IS NULL', [sessionIds]);
}
