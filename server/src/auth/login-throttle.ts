import type { Env } from '../config/env';
import type { Queryable } from '../db/queryable';

type Limits = Pick<Env, 'LOGIN_MAX_ATTEMPTS_PER_ACCOUNT' | 'LOGIN_MAX_ATTEMPTS_PER_IP' | 'LOGIN_WINDOW_MINUTES'>;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const accountKey = (email: string) => `account:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Counts a sign-in attempt against the account (by email, whether or not it exists: the answer must
 * not tell) and the client address, before the password is checked — so parallel guesses cannot
 * slip past the limit. Over either limit the attempt is refused until that window closes.
 */
export async function reserveLoginAttempt(db: Queryable, limits: Limits, email: string, ip: string): Promise<ThrottleDecision> {
  const { rows } = await db.query<{ key: string; attempts: number; retry_after: number }>(
    `INSERT INTO login_throttles AS t (key, attempts, window_started_at)
     SELECT k, 1, now() FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN t.window_started_at <= now() - make_interval(mins => $2) THEN 1 ELSE t.attempts + 1 END,
       window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(mins => $2) THEN now() ELSE t.window_started_at END
     RETURNING key, attempts,
       ceil(extract(epoch FROM (window_started_at + make_interval(mins => $2) - now())))::int AS retry_after`,
    [[accountKey(email), ipKey(ip)], limits.LOGIN_WINDOW_MINUTES],
  );
  let retryAfterSeconds = 0;
  for (const row of rows) {
    const limit = row.key.startsWith('ip:') ? limits.LOGIN_MAX_ATTEMPTS_PER_IP : limits.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT;
    if (row.attempts > limit) retryAfterSeconds = Math.max(retryAfterSeconds, row.retry_after, 1);
  }
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

/**
 * After a successful sign-in: the account starts afresh, and the address gets its attempt back (a
 * delegation behind one office address must not lock itself out by signing in).
 */
export async function forgiveLoginAttempt(db: Queryable, email: string, ip: string): Promise<void> {
  await db.query('DELETE FROM login_throttles WHERE key = $1', [accountKey(email)]);
  await db.query('UPDATE login_throttles SET attempts = greatest(attempts - 1, 0) WHERE key = $1', [ipKey(ip)]);
}
