import type http from 'node:http';
import type { AppContext } from '../context';

/**
 * Whether `origin` is an allowed page origin. Same origin by default (the Origin's host equals the
 * Host header, scheme http/https); ALLOWED_ORIGINS (comma-separated exact origins) replaces that rule.
 * A missing, `null` or look-alike Origin is refused.
 */
export function originAllowed(ctx: AppContext, origin: string | undefined, host: string | undefined): boolean {
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.origin !== origin) return false; // paths, credentials or trailing junk: not an origin
  const allowed = ctx.env.ALLOWED_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (allowed && allowed.length > 0) return allowed.includes(parsed.origin);
  return host !== undefined && parsed.host === host;
}

/** Every websocket upgrade (collab and socket.io): browsers always send Origin there, so it is required. */
export function checkUpgradeOrigin(ctx: AppContext, req: http.IncomingMessage): boolean {
  return originAllowed(ctx, req.headers.origin, req.headers.host);
}

/**
 * Plain HTTP requests that cannot carry a CSRF token (sign-in, accepting an invitation) and
 * socket.io's polling requests. Browsers send Origin on every cross-origin request and on every POST,
 * but not on same-origin GETs: so an Origin, when present, must be allowed; without one, a browser's
 * Sec-Fetch-Site must not say cross-site. A request with neither comes from no browser.
 */
export function checkRequestOrigin(ctx: AppContext, req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return originAllowed(ctx, origin, req.headers.host);
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}
