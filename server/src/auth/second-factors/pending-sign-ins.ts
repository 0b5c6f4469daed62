/**
 * A sign-in whose password was right, waiting for the second factor: a random token the browser holds
 * (in memory, sent back in the body), its SHA-256 here. It lives five minutes and opens one session at
 * most; a wrong factor leaves it for another try (each try is counted by the sign-in throttle).
 */
import type { Queryable } from '../../db/queryable';
import { randomToken, tokenHash } from '../tokens';

export const PENDING_SIGN_IN_SECONDS = 300;

export interface PendingSignIn {
  id: string;
  userId: string;
  email: string;
  ip: string;
  knownDevice: string | null;
}

export async function createPendingSignIn(db: Queryable, facts: Omit<PendingSignIn, 'id'>): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO pending_sign_ins (token_hash, user_id, email, ip, known_device, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6)) RETURNING expires_at`,
    [tokenHash(token), facts.userId, facts.email, facts.ip, facts.knownDevice, PENDING_SIGN_IN_SECONDS],
  );
  await db.query(`DELETE FROM pending_sign_ins WHERE expires_at < now() - interval '1 hour'`);
  return { token, expiresAt: rows[0].expires_at };
}

/** The pending sign-in a token names while it is still open (not used, not expired), else null. */
export async function findPendingSignIn(db: Queryable, token: string): Promise<PendingSignIn | null> {
  const { rows } = await db.query<{ token_hash: string; user_id: string; email: string; ip: string; known_device: string | null }>(
    `SELECT token_hash, user_id, email, ip, known_device FROM pending_sign_ins p
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        AND EXISTS (SELECT 1 FROM users u WHERE u.id = p.user_id AND u.disabled_at IS NULL)`,
    [tokenHash(token)],
  );
  const row = rows[0];
  return row ? { id: row.token_hash, userId: row.user_id, email: row.email, ip: row.ip, knownDevice: row.known_device } : null;
}

/** Marks it used; true for the one caller that did (two requests racing with good factors open one session). */
export async function spendPendingSignIn(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE pending_sign_ins SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()', [id]);
  return (rowCount ?? 0) > 0;
}
