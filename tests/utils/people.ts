/**
 * The demo's people and signing them in: one client per person that sends their session cookie, CSRF
 * token, Origin and language with every request (JSON, or multipart uploads). Every integration suite
 * signs people in and calls the API as them through here.
 *
 *   const gt = await signIn(server, DEMO_EMAILS.gt)                 through POST /api/auth/login
 *   const who = await startSessionFor(server, userId)              a session made in the database
 *   await requestAs(server, who, 'PATCH', '/api/me', { … })         any credentials, even none
 */
import type { TestServer } from './test-server';
import { startSession } from '../../server/src/auth/sessions';

/** The demo negotiation's accounts (server/src/demo), password 'demo' unless DEMO_PASSWORD says otherwise. */
export const DEMO_EMAILS = {
  secretariat: 'secretariat@demo.test',
  us: 'us.delegate@demo.test',
  sv: 'sv.delegate@demo.test',
  gt: 'gt.delegate@demo.test',
  hn: 'hn.delegate@demo.test',
  hnLegal: 'hn.legal@demo.test',
  observer: 'observer@demo.test',
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers freely
export interface Answer<T = any> {
  status: number;
  /** The JSON answered; `{}` for an empty body, the text itself when it is not JSON. */
  body: T;
  headers: Headers;
}

/** What a request carries of a session: its Cookie header and CSRF token (null for nobody), and a language. */
export interface Credentials {
  cookie: string | null;
  csrfToken: string | null;
  /** Accept-Language; none is sent when absent. */
  lang?: string;
}

export const NOBODY: Credentials = { cookie: null, csrfToken: null };

export interface UploadFile {
  name: string;
  bytes: Buffer | Uint8Array | string;
  type?: string;
}

export interface Person extends Credentials {
  email: string;
  userId: string;
  displayName: string;
  /** The Cookie header of their session. */
  cookie: string;
  csrfToken: string;
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** POSTs files as multipart/form-data, one per field. */
  upload<T = any>(path: string, files: Record<string, UploadFile>): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = {};
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, body, headers: response.headers };
}

/** The headers the browser client sends (client/src/api/http.ts): the session, the CSRF token on writes, our Origin. */
function browserHeaders(server: Pick<TestServer, 'url'>, who: Credentials, method: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', origin: server.url };
  if (who.cookie) headers.cookie = who.cookie;
  if (method !== 'GET' && who.csrfToken) headers['x-csrf-token'] = who.csrfToken;
  if (who.lang) headers['accept-language'] = who.lang;
  return headers;
}

/**
 * A JSON request as the browser client makes it, with `who`'s credentials. `headers` (in any case)
 * replace the ones it would send: another Origin, a wrong X-CSRF-Token, another language.
 */
export async function requestAs(
  server: Pick<TestServer, 'url'>,
  who: Credentials,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const sent = browserHeaders(server, who, method);
  if (body !== undefined) sent['content-type'] = 'application/json';
  for (const [name, value] of Object.entries(headers)) sent[name.toLowerCase()] = value;
  return answerOf(await fetch(`${server.url}${path}`, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** The `concordia_session=…` pair a response set, if any. */
export function sessionCookieFrom(answer: Pick<Answer, 'headers'>): string | null {
  const match = /concordia_session=([^;]*)/.exec(answer.headers.get('set-cookie') ?? '');
  return match && match[1] ? `concordia_session=${match[1]}` : null;
}

function personOf(server: Pick<TestServer, 'url'>, who: Omit<Person, 'request' | 'upload'>): Person {
  return {
    ...who,
    request: (method, path, body, headers) => requestAs(server, who, method, path, body, headers),
    async upload(path, files) {
      const form = new FormData();
      for (const [field, file] of Object.entries(files)) {
        const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : file.bytes;
        form.append(field, new Blob([new Uint8Array(bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
      }
      return answerOf(await fetch(`${server.url}${path}`, { method: 'POST', headers: browserHeaders(server, who, 'POST'), body: form }));
    },
  };
}

/** Signs a person in through the sign-in route and returns their client; throws when signing in fails. */
export async function signIn(server: Pick<TestServer, 'url'>, email: string, options: { password?: string; lang?: string } = {}): Promise<Person> {
  const lang = options.lang ?? 'en';
  const answer = await requestAs(server, { ...NOBODY, lang }, 'POST', '/api/auth/login', { email, password: options.password ?? 'demo' });
  if (answer.status !== 200) throw new Error(`Signing in ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  const { csrfToken, user } = answer.body as { csrfToken: string; user: { id: string; displayName: string } };
  const cookie = sessionCookieFrom(answer);
  if (!cookie) throw new Error(`Signing in ${email} set no session cookie`);
  return personOf(server, { email, userId: user.id, displayName: user.displayName, cookie, csrfToken, lang });
}

/**
 * A fresh session for a user, made in the database as signing in makes one, without the password (and
 * its half second of scrypt): for suites whose people are not the demo's, or that need the session id.
 */
export async function startSessionFor(server: TestServer, userId: string): Promise<Credentials & { userId: string; sessionId: string }> {
  const session = await startSession(server.concordia.db.pool, userId, server.concordia.env);
  return { userId, cookie: `concordia_session=${session.token}`, csrfToken: session.csrfToken, sessionId: session.id };
}
