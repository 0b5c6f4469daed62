import crypto from 'node:crypto';

/** A random secret of `bytes` bytes (default 32 = 256 bits), URL-safe. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** What the database keeps instead of a bearer secret: its SHA-256, hex. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Compares two secrets in constant time (lengths may differ). */
export function sameSecret(a: string | undefined | null, b: string | undefined | null): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = crypto.createHash('sha256').update(a).digest();
  const right = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(left, right) && a.length === b.length;
}

/** Bearer tokens as they appear in URLs and cookies: base64url, 16–128 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
