/**
 * Sign-in throttling that an anonymous attacker cannot turn against an account's owner.
 *
 *  [L1] Failures are counted per pair: (account, address), or (account, device) when the browser
 *       presents the cookie of a device that signed in to this account before (known-devices.ts).
 *       Guessing one person's password from elsewhere never holds up their own device, and a colleague
 *       behind the same office address is another pair.
 *  [L2] A pair has LOGIN_MAX_ATTEMPTS_PER_ACCOUNT attempts; from then on each attempt waits for the one
 *       before: 30 s after the last allowed one, doubling each time, at most LOGIN_WINDOW_MINUTES. A
 *       pair is forgotten a day after its last attempt, and at once by a successful sign-in.
 *  [L3] An address is also limited to LOGIN_MAX_ATTEMPTS_PER_IP attempts across all accounts in a
 *       LOGIN_WINDOW_MINUTES window (guessing many accounts), except from a known device; a successful
 *       sign-in gives the address its attempt back.
 *  [L4] The attempt is counted before the password is checked (a row lock orders parallel guesses), and
 *       an unknown email is counted exactly like a real one: the answer tells nothing.
 */
import type { Env } from '../config/env';
import type { Queryable } from '../db/queryable';

type Limits = Pick<Env, 'LOGIN_MAX_ATTEMPTS_PER_ACCOUNT' | 'LOGIN_MAX_ATTEMPTS_PER_IP' | 'LOGIN_WINDOW_MINUTES'>;

/** The first wait of the back-off [L2]. */
export const BACKOFF_BASE_SECONDS = 30;

export interface LoginAttempt {
  email: string;
  ip: string;
  /** The id of a device this account signed in from before (knownDeviceOf), or null. */
  knownDevice: string | null;
}

export type ThrottleDecision =
  { allowed: true; key: string; ipKey: string | null; attempts: number; backingOff: boolean } | { allowed: false; retryAfterSeconds: number };

const pairKey = (attempt: LoginAttempt) => (attempt.knownDevice ? `device:${attempt.email}|${attempt.knownDevice}` : `pair:${attempt.email}|${attempt.ip}`);
const addressKey = (ip: string) => `ip:${ip}`;

/** The wait after `attempts` attempts of a pair, in seconds (0 while it has attempts left) [L2]. */
const backoffSql = (attempts: string) =>
  `CASE WHEN ${attempts} < $2 THEN 0 ELSE least(${BACKOFF_BASE_SECONDS} * power(2, least(${attempts} - $2, 20)), $3 * 60) END`;

/** Counts an attempt [L4]; refused while the pair waits [L2] or the address is over its limit [L3]. */
export async function reserveLoginAttempt(db: Queryable, limits: Limits, attempt: LoginAttempt): Promise<ThrottleDecision> {
  const key = pairKey(attempt);
  await db.query(`INSERT INTO login_throttles (key, attempts, window_started_at) VALUES ($1, 0, now()) ON CONFLICT (key) DO NOTHING`, [key]);
  // A pair forgotten after a quiet day starts again; otherwise the attempt counts only once the wait is over.
  const counted = await db.query<{ attempts: number; backing_off: boolean }>(
    `UPDATE login_throttles t SET
       attempts = CASE WHEN t.window_started_at <= now() - interval '1 day' THEN 1 ELSE t.attempts + 1 END,
       window_started_at = now()
     WHERE t.key = $1
       AND (t.window_started_at <= now() - interval '1 day'
            OR t.window_started_at + make_interval(secs => ${backoffSql('t.attempts')}) <= now())
     RETURNING t.attempts, t.attempts >= $2 AS backing_off`,
    [key, limits.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT, limits.LOGIN_WINDOW_MINUTES],
  );
  if (counted.rows.length === 0) {
    const { rows } = await db.query<{ retry_after: number }>(
      `SELECT ceil(extract(epoch FROM (window_started_at + make_interval(secs => ${backoffSql('attempts')}) - now())))::int AS retry_after
         FROM login_throttles WHERE key = $1`,
      [key, limits.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT, limits.LOGIN_WINDOW_MINUTES],
    );
    return { allowed: false, retryAfterSeconds: Math.max(1, rows[0]?.retry_after ?? 1) };
  }
  const { attempts, backing_off: backingOff } = counted.rows[0];
  if (attempt.knownDevice) return { allowed: true, key, ipKey: null, attempts, backingOff };

  const ipKey = addressKey(attempt.ip);
  const { rows } = await db.query<{ attempts: number; retry_after: number }>(
    `INSERT INTO login_throttles AS t (key, attempts, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN t.window_started_at <= now() - make_interval(mins => $2) THEN 1 ELSE t.attempts + 1 END,
       window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(mins => $2) THEN now() ELSE t.window_started_at END
     RETURNING attempts, ceil(extract(epoch FROM (window_started_at + make_interval(mins => $2) - now())))::int AS retry_after`,
    [ipKey, limits.LOGIN_WINDOW_MINUTES],
  );
  if (rows[0].attempts > limits.LOGIN_MAX_ATTEMPTS_PER_IP) return { allowed: false, retryAfterSeconds: Math.max(1, rows[0].retry_after) };
  return { allowed: true, key, ipKey, attempts, backingOff };
}

/** After a successful sign-in: the pair is forgotten, and the address gets its attempt back [L2, L3]. */
export async function forgiveLoginAttempt(db: Queryable, decision: Extract<ThrottleDecision, { allowed: true }>): Promise<void> {
  await db.query('DELETE FROM login_throttles WHERE key = $1', [decision.key]);
  if (decision.ipKey) await db.query('UPDATE login_throttles SET attempts = greatest(attempts - 1, 0) WHERE key = $1', [decision.ipKey]);
}

/**
 * Whether the owner of an account should be told now about failed sign-ins: true at most once an hour
 * per account (claimed atomically, so parallel failures send one message).
 */
export async function claimLoginAlert(db: Queryable, email: string): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO login_throttles AS t (key, attempts, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET attempts = t.attempts + 1, window_started_at = now()
       WHERE t.window_started_at <= now() - interval '1 hour'
     RETURNING 1`,
    [`alert:${email}`],
  );
  return rows.length > 0;
}
