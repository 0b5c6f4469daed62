/**
 * What the Security page shows of a session: the browser (its User-Agent) and the address it signed in
 * from, written once, right after the session opened. The cookie's token hash stays the primary key
 * and never leaves the server; a session is named to its owner by `public_id`.
 */
import type { Request } from 'express';
import type { Queryable } from '../db/queryable';

const MAX_USER_AGENT = 512;

/** Records the browser and address of a session just opened (sign-in, invitation acceptance). */
export async function recordSessionDevice(db: Queryable, sessionId: string, req: Pick<Request, 'ip' | 'get'>): Promise<void> {
  const userAgent = (req.get('user-agent') ?? '').slice(0, MAX_USER_AGENT) || null;
  const ip = (req.ip ?? '').slice(0, 64) || null;
  await db.query('UPDATE sessions SET user_agent = $2, ip_address = $3 WHERE id = $1', [sessionId, userAgent, ip]);
}

export interface OpenSessionRow {
  id: string;
  public_id: string;
  user_agent: string | null;
  ip_address: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

/** A user's sessions that are still good (not ended, not past either timeout), newest activity first. */
export async function openSessionsOf(db: Queryable, userId: string, idleMinutes: number): Promise<OpenSessionRow[]> {
  const { rows } = await db.query<OpenSessionRow>(
    `SELECT id, public_id, user_agent, ip_address, created_at, last_seen_at, expires_at FROM sessions
      WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
      ORDER BY last_seen_at DESC, created_at DESC`,
    [userId, idleMinutes],
  );
  return rows;
}

/** Ends every open session of a user but one (`keep`, the one asking); returns the ids ended. */
export async function endSessionsOfUserExcept(db: Queryable, userId: string, keep: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND id <> $2 AND ended_at IS NULL RETURNING id', [
    userId,
    keep,
  ]);
  return rows.map((r) => r.id);
}
