import type { Credentials, World } from './world';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers freely
export interface Answer { status: number; body: any; headers: Headers }

/** A request as the browser client makes it: JSON, the session cookie, the CSRF header on writes, a same-origin Origin. */
export async function call(world: World, who: Credentials, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const h: Record<string, string> = { accept: 'application/json', origin: world.origin, ...headers };
  if (who.cookie) h.cookie = who.cookie;
  if (method !== 'GET' && who.csrfToken && !('x-csrf-token' in headers)) h['x-csrf-token'] = who.csrfToken;
  if (body !== undefined) h['content-type'] = 'application/json';
  const response = await fetch(`${world.server.url}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** The `concordia_session=…` pair a response set, if any. */
export function sessionCookieFrom(answer: Answer): string | null {
  const match = /concordia_session=([^;]*)/.exec(answer.headers.get('set-cookie') ?? '');
  return match && match[1] ? `concordia_session=${match[1]}` : null;
}
