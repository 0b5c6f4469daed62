/**
 * A real OpenID Provider for the single sign-on tests (oidc-test-provider-worker.mjs, in a worker thread of
 * this process), and a browser's part of the flow driven with fetch: redirects followed by hand, one
 * cookie jar per site.
 *
 *   const idp = await startTestProvider([{ client_id, client_secret, redirect_uris, post_logout_redirect_uris }])
 *   await idp.account('ana@minex.gob.gt', { sub: 'ana', email_verified: true })
 *   const flow = await signInThroughProvider(server, { providerId, email: 'ana@minex.gob.gt' })
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface TestClient {
  client_id: string;
  client_secret?: string;
  token_endpoint_auth_method?: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
}

export interface TestProvider {
  issuer: string;
  /** Registers (or replaces) the account a login_hint of `email` signs in as. */
  account(email: string, claims: { sub: string; email_verified: boolean | string; name?: string; locale?: string; email?: string }): Promise<void>;
  /** The next ID token goes out re-signed with these claims changed (aud, nonce, exp, iss…). */
  tamper(claims: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestProvider(clients: TestClient[]): Promise<TestProvider> {
  const worker = new Worker(path.join(__dirname, 'oidc-test-provider-worker.mjs'), { workerData: { clients }, stderr: true });
  // oidc-provider warns about its development defaults and Node 20; the tests read outcomes, not those lines.
  worker.stderr.resume();
  let nextId = 0;
  const waiting = new Map<number, () => void>();
  const issuer = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { type: string; issuer?: string; id?: number }) => {
      if (message.type === 'ready') resolve(message.issuer!);
      if (message.type === 'done') waiting.get(message.id!)?.();
    });
  });
  const send = (message: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      const id = (nextId += 1);
      waiting.set(id, () => {
        waiting.delete(id);
        resolve();
      });
      worker.postMessage({ ...message, id });
    });
  return {
    issuer,
    account: (email, claims) => send({ type: 'account', email, claims: { email, ...claims } }),
    tamper: (claims) => send({ type: 'tamper', claims }),
    async stop() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ type: 'stop' });
      await exited;
    },
  };
}

/** Cookies of one site, as a browser keeps them (name → value; attributes ignored but expiry). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface SsoFlow {
  /** Where Concordia's callback sent the browser: the return path, or /signin?sso_error=<code>. */
  location: string;
  /** The `sso_error` of that location, if any. */
  error: string | null;
  /** The provider's redirect back to Concordia, to replay it. */
  callbackUrl: string | null;
  /** Concordia's cookies after the flow (concordia_session when signed in). */
  jar: CookieJar;
}

/**
 * Does what a browser does from "Sign in with <ministry>" to the page after: GET /api/auth/sso/start,
 * the provider's redirects (its interaction signs in the login_hint's account), and the callback.
 * `beforeCallback` runs when the browser is about to come back (to disable the provider meanwhile).
 */
export async function signInThroughProvider(
  server: { url: string },
  options: { providerId: string; email: string; next?: string; jar?: CookieJar; beforeCallback?: (callbackUrl: string) => Promise<void> },
): Promise<SsoFlow> {
  const jar = options.jar ?? new CookieJar();
  const providerJar = new CookieJar();
  const query = new URLSearchParams({ providerId: options.providerId, email: options.email });
  if (options.next) query.set('next', options.next);
  const start = await fetch(`${server.url}/api/auth/sso/start?${query}`, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(start);
  let location = start.headers.get('location') ?? '';
  if (start.status !== 303) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  let callbackUrl: string | null = null;
  for (let hops = 0; hops < 10 && !location.startsWith('/') && !location.startsWith(server.url); hops += 1) {
    const step = await fetch(location, { redirect: 'manual', headers: { cookie: providerJar.header() } });
    providerJar.take(step);
    const next = step.headers.get('location');
    if (!next) throw new Error(`the provider stopped at ${location}: ${step.status} ${await step.text()}`);
    location = new URL(next, location).href;
  }
  if (location.startsWith(server.url)) {
    callbackUrl = location;
    await options.beforeCallback?.(callbackUrl);
    const back = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(back);
    location = back.headers.get('location') ?? `(no redirect: ${back.status})`;
  }
  const error = location.startsWith('/signin?') ? new URLSearchParams(location.slice('/signin?'.length)).get('sso_error') : null;
  return { location, error, callbackUrl, jar };
}
