/**
 * Ten one-time recovery codes, shown once when made. Each is 80 random bits written as sixteen base32
 * characters in groups of four; the database keeps only SHA-256 of the code. A slow password hash
 * (scrypt, as for passwords) buys nothing here: its work factor protects low-entropy secrets people
 * choose, while 2^80 guesses per code cannot be tried offline whatever the hash — and scrypt would cost
 * half a second per code checked.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../../db/queryable';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** The form a code is compared in: no spaces or dashes, upper case. */
export const normalizeRecoveryCode = (code: string) => code.replace(/[\s-]+/g, '').toUpperCase();
const hashOf = (code: string) => crypto.createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');

/** Replaces the person's codes with ten new ones; returns them as shown ("ABCD-EFGH-JKLM-NPQR"). */
export async function renewRecoveryCodes(db: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => base32(crypto.randomBytes(10)).match(/.{4}/g)!.join('-'));
  await db.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  await db.query('INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [userId, codes.map(hashOf)]);
  return codes;
}

/** Spends a code: true once, false for a wrong or already used one. */
export async function spendRecoveryCode(db: Queryable, userId: string, code: string): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL', [
    userId,
    hashOf(code),
  ]);
  return (rowCount ?? 0) > 0;
}

export async function deleteRecoveryCodes(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
}
