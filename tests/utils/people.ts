/**
 * The demo's people and signing them in: one client per person that sends their session cookie, CSRF
 * token, Origin and language with every request (JSON, or multipart uploads). Every integration suite
 * signs people in through here.
 */
import type { TestServer } from './test-server';

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

export interface Answer<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  body: T;
  headers: Headers;
}

export interface UploadFile { name: string; bytes: Buffer | Uint8Array | string; type?: string }

export interface Person {
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

async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}

/** Signs a person in and returns their client; throws when signing in fails. */
export async function signIn(server: Pick<TestServer, 'url'>, email: string, options: { password?: string; lang?: string } = {}): Promise<Person> {
  const lang = options.lang ?? 'en';
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url, 'Accept-Language': lang },
    body: JSON.stringify({ email, password: options.password ?? 'demo' }),
  });
  const answer = await response.json() as { csrfToken: string; user: { id: string; displayName: string } };
  if (response.status !== 200) throw new Error(`Signing in ${email} failed: ${response.status} ${JSON.stringify(answer)}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => c.startsWith('concordia_session=')).join('; ');
  const base = { Cookie: cookie, 'X-CSRF-Token': answer.csrfToken, Origin: server.url, Accept: 'application/json', 'Accept-Language': lang };
  return {
    email, userId: answer.user.id, displayName: answer.user.displayName, cookie, csrfToken: answer.csrfToken,
    async request(method, path, body, headers = {}) {
      return answerOf(await fetch(`${server.url}${path}`, {
        method,
        headers: { ...base, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
    },
    async upload(path, files) {
      const form = new FormData();
      for (const [field, file] of Object.entries(files)) {
        const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : file.bytes;
        form.append(field, new Blob([new Uint8Array(bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
      }
      return answerOf(await fetch(`${server.url}${path}`, { method: 'POST', headers: base, body: form }));
    },
  };
}
