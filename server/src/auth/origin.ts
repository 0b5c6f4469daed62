import type http from 'node:http';
import type { AppContext } from '../context';

/**
 * Whether a websocket upgrade (collab or socket.io) comes from an allowed page. Same origin by
 * default (the Origin's host equals the Host header, scheme http/https); ALLOWED_ORIGINS (comma-
 * separated exact origins) replaces that rule. A missing, `null` or look-alike Origin is refused.
 */
export function checkUpgradeOrigin(ctx: AppContext, req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.origin !== origin) return false; // paths, credentials or trailing junk: not an origin
  const allowed = ctx.env.ALLOWED_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean);
  if (allowed && allowed.length > 0) return allowed.includes(parsed.origin);
  return parsed.host === req.headers.host;
}
