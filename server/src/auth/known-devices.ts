/**
 * Devices that signed in before: a random token in the `concordia_device` cookie (HttpOnly, a year),
 * its SHA-256 in `known_devices` with the user it belongs to. A sign-in from a device its owner used
 * before is throttled on that device alone (login-throttle.ts), so nobody else's failures hold it up.
 */
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Queryable } from '../db/queryable';
import { randomToken, tokenHash, TOKEN_PATTERN } from './tokens';

export const DEVICE_COOKIE = 'concordia_device';
const DEVICE_DAYS = 365;

export function readDeviceToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const value = parseCookie(cookieHeader)[DEVICE_COOKIE];
  return value && TOKEN_PATTERN.test(value) ? value : null;
}

/** The device's id (its token's hash) when the token names a device this account signed in from within the year; else null. */
export async function knownDeviceOf(db: Queryable, email: string, token: string | null): Promise<string | null> {
  if (!token) return null;
  const hash = tokenHash(token);
  const { rows } = await db.query(
    `SELECT 1 FROM known_devices d JOIN users u ON u.id = d.user_id
      WHERE d.token_hash = $1 AND u.email = $2 AND d.last_used_at > now() - make_interval(days => $3)`,
    [hash, email, DEVICE_DAYS],
  );
  return rows.length > 0 ? hash : null;
}

/**
 * After a successful sign-in: the device is known from now on. A token already known for this user is
 * kept (and its year starts again); otherwise a new one is issued. Returns the Set-Cookie value.
 */
export async function rememberDevice(db: Queryable, userId: string, token: string | null, secure: boolean): Promise<string> {
  if (token) {
    const { rowCount } = await db.query('UPDATE known_devices SET last_used_at = now() WHERE token_hash = $1 AND user_id = $2', [tokenHash(token), userId]);
    if (rowCount) return deviceSetCookie(token, secure);
  }
  const fresh = randomToken();
  await db.query('INSERT INTO known_devices (token_hash, user_id) VALUES ($1, $2)', [tokenHash(fresh), userId]);
  return deviceSetCookie(fresh, secure);
}

function deviceSetCookie(token: string, secure: boolean): string {
  return stringifySetCookie(DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/api', maxAge: DEVICE_DAYS * 24 * 3600 });
}
