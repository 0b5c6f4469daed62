import { parseCookie, stringifySetCookie } from 'cookie';
import { TOKEN_PATTERN } from './tokens';

export const SESSION_COOKIE = 'concordia_session';

/** The session token from a Cookie header, or null when absent or not shaped like one of ours. */
export function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const value = parseCookie(cookieHeader)[SESSION_COOKIE];
  return value && TOKEN_PATTERN.test(value) ? value : null;
}

/** httpOnly, SameSite=Lax, Secure behind HTTPS; lives no longer than the session's absolute timeout. */
export function sessionSetCookie(token: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return stringifySetCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: options.maxAgeSeconds,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return stringifySetCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}
