/**
 * Every mutating route is rate limited per user and per address (server/src/http/rate-limit.ts):
 * over the limit the answer is 429 rate_limited, with Retry-After and a message in the person's
 * language; reads are not counted, other people keep working, and two processes sharing the database
 * share the count.
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { DEMO_EMAILS, signIn } from '../../utils/people';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers.reverse()) await server.stop();
});

const changeLanguage = (lang: 'en' | 'es') => ({ uiLanguage: lang });

describe('per user', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DEMO: '1', RATE_LIMIT_PER_USER: '3', RATE_LIMIT_PER_ADDRESS: '1000', RATE_LIMIT_WINDOW_SECONDS: '60' });
    servers.push(server);
  });

  it('answers the request over the limit with 429, Retry-After and a translated sentence, and leaves other people and reads alone', async () => {
    const guatemala = await signIn(server, DEMO_EMAILS.gt, { lang: 'es' });
    // Signing in is counted for the address only; the user's count starts with their own changes.
    for (let i = 0; i < 3; i += 1) expect((await guatemala.request('PATCH', '/api/me', changeLanguage('es'))).status).toBe(200);
    const refused = await guatemala.request('PATCH', '/api/me', changeLanguage('es'));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.body.error.message).toMatch(/^Demasiados cambios en poco tiempo\. Espere \d+ segundos/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    expect((await guatemala.request('GET', '/api/me')).status).toBe(200);
    const honduras = await signIn(server, DEMO_EMAILS.hn);
    expect((await honduras.request('PATCH', '/api/me', changeLanguage('en'))).status).toBe(200);
  });

  it('counts in the database, so a second process on the same database refuses the same user', async () => {
    const second = await startTestServer(
      { DEMO: '1', RATE_LIMIT_PER_USER: '3', RATE_LIMIT_PER_ADDRESS: '1000', RATE_LIMIT_WINDOW_SECONDS: '60' },
      server.schema,
    );
    servers.push(second);
    const elSalvador = await signIn(server, DEMO_EMAILS.sv);
    for (let i = 0; i < 3; i += 1) expect((await elSalvador.request('PATCH', '/api/me', changeLanguage('en'))).status).toBe(200);
    // The same session, sent to the other process.
    const answer = await fetch(`${second.url}/api/me`, {
      method: 'PATCH',
      headers: { Cookie: elSalvador.cookie, 'X-CSRF-Token': elSalvador.csrfToken, Origin: second.url, 'Content-Type': 'application/json' },
      body: JSON.stringify(changeLanguage('en')),
    });
    expect(answer.status).toBe(429);
  });
});

describe('per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DEMO: '1', RATE_LIMIT_PER_USER: '1000', RATE_LIMIT_PER_ADDRESS: '4', RATE_LIMIT_WINDOW_SECONDS: '60' });
    servers.push(server);
  });

  it('counts every mutating request from one address, signed in or not', async () => {
    const observer = await signIn(server, DEMO_EMAILS.observer); // 1: the sign-in
    expect((await observer.request('PATCH', '/api/me', changeLanguage('en'))).status).toBe(200); // 2
    const wrongPassword = await fetch(`${server.url}/api/auth/login`, {
      // 3
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ email: DEMO_EMAILS.us, password: 'not the password' }),
    });
    expect(wrongPassword.status).toBe(401);
    expect((await observer.request('PATCH', '/api/me', changeLanguage('en'))).status).toBe(200); // 4
    const refused = await observer.request('PATCH', '/api/me', changeLanguage('en'));
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^Too many changes in a short time\. Please wait \d+ seconds/);
    expect((await observer.request('GET', '/api/documents')).status).toBe(200);
  });
});
