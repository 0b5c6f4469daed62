/**
 * TOTP (RFC 6238) through otplib's authenticator: 30-second steps, six digits, SHA-1 (what every
 * authenticator app speaks), a code of the step before or after accepted for clock drift.
 *
 * One authenticator per person (totp_factors). It counts once confirmed by a first code. Each accepted
 * code records its step, and a code of that step or an earlier one is refused from then on, so a code
 * read over someone's shoulder (or replayed from a request) is worth nothing once used.
 */
import { authenticator } from 'otplib';
import type { Queryable } from '../../db/queryable';
import type { SecretBox } from '../secret-box';

const totp = authenticator.clone({ window: 1, step: 30, digits: 6 });
const ISSUER = 'Concordia';

const purpose = (userId: string) => `totp:${userId}`;

export interface TotpSecretView {
  secret: string;
  secretGroups: string[];
  uri: string;
}

export function describeSecret(email: string, secret: string): TotpSecretView {
  return { secret, secretGroups: secret.match(/.{1,4}/g) ?? [secret], uri: totp.keyuri(email, ISSUER, secret) };
}

/** The step a code belongs to if it is valid now (this step or one either side), else null. */
export function stepOfCode(code: string, secret: string, now = Date.now()): number | null {
  const delta = totp.checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now / 1000 / 30) + delta;
}

/**
 * Starts (or restarts) setting up an authenticator: a new secret replaces one not yet confirmed.
 * Returns null when a confirmed one exists.
 */
export async function startTotpSetup(db: Queryable, box: SecretBox, userId: string): Promise<string | null> {
  const secret = totp.generateSecret(20);
  const { rows } = await db.query(
    `INSERT INTO totp_factors (user_id, secret_sealed) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = now()
       WHERE totp_factors.confirmed_at IS NULL
     RETURNING 1`,
    [userId, box.seal(secret, purpose(userId))],
  );
  return rows.length > 0 ? secret : null;
}

export type TotpCheck = 'accepted' | 'invalid' | 'reused' | 'none';

/**
 * Checks a code against the person's authenticator — the one being set up (`pending`) or the
 * confirmed one — and, when it is good, records its step (and confirms a pending one) in the same
 * statement: two requests with the same code cannot both pass.
 */
export async function checkTotp(db: Queryable, box: SecretBox, userId: string, code: string, which: 'pending' | 'confirmed'): Promise<TotpCheck> {
  const { rows } = await db.query<{ secret_sealed: string }>(`SELECT secret_sealed FROM totp_factors WHERE user_id = $1 AND (confirmed_at IS NOT NULL) = $2`, [
    userId,
    which === 'confirmed',
  ]);
  if (!rows[0]) return 'none';
  const step = stepOfCode(code, box.open(rows[0].secret_sealed, purpose(userId)));
  if (step === null) return 'invalid';
  const updated = await db.query(
    `UPDATE totp_factors SET last_step = $2, last_used_at = now(), confirmed_at = coalesce(confirmed_at, now())
      WHERE user_id = $1 AND secret_sealed = $3 AND (last_step IS NULL OR last_step < $2)
      RETURNING 1`,
    [userId, step, rows[0].secret_sealed],
  );
  return updated.rows.length > 0 ? 'accepted' : 'reused';
}

export async function removeTotp(db: Queryable, userId: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL', [userId]);
  return (rowCount ?? 0) > 0;
}
