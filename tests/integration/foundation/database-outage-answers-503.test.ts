/**
 * While the database cannot be reached (every connection cut, new ones refused: tests/utils/database-proxy.ts),
 * REST answers 503 `service_unavailable` with Retry-After — to a signed-in person, to sign-in, to a
 * write — never 500; once the database is back the same requests succeed without a restart.
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { startDatabaseProxy, type DatabaseProxy } from '../../utils/database-proxy';
import { testDatabaseUrl } from '../../utils/test-db';
import { DEMO_EMAILS, NOBODY, requestAs, signIn, type Person } from '../../utils/people';
import { poll } from '../../utils/wait';

let proxy: DatabaseProxy;
let server: TestServer;
let secretariat: Person;

beforeAll(async () => {
  proxy = await startDatabaseProxy(testDatabaseUrl());
  server = await startTestServer({ DEMO: '1', DATABASE_URL: proxy.url });
  secretariat = await signIn(server, DEMO_EMAILS.secretariat);
}, 120_000);
afterAll(async () => {
  proxy.restore();
  await server.stop();
  await proxy.close();
});

const REQUESTS = [
  ['the list of negotiations', () => secretariat.request('GET', '/api/documents')],
  ['one’s own account', () => secretariat.request('GET', '/api/me')],
  ['a change to one’s account', () => secretariat.request('PATCH', '/api/me', { uiLanguage: 'en' })],
  ['signing in', () => requestAs(server, NOBODY, 'POST', '/api/auth/login', { email: DEMO_EMAILS.observer, password: 'demo' })],
] as const;

describe('during a database outage', () => {
  beforeAll(() => proxy.cut());
  afterAll(() => proxy.restore());

  it.each(REQUESTS)('%s answers 503 with Retry-After', async (_, send) => {
    const answer = await send();
    expect({ status: answer.status, retryAfter: answer.headers.get('retry-after'), code: answer.body.error?.code }).toEqual({
      status: 503,
      retryAfter: '5',
      code: 'service_unavailable',
    });
    expect(answer.body.error.message).toBe('Concordia cannot reach its database right now. Please try again in a few seconds.');
  });

  it('says so in Spanish to a Spanish speaker', async () => {
    const answer = await requestAs(server, { ...NOBODY, lang: 'es' }, 'POST', '/api/auth/login', { email: DEMO_EMAILS.observer, password: 'demo' });
    expect(answer.status).toBe(503);
    expect(answer.body.error.message).toMatch(/^Concordia no puede acceder a su base de datos/);
  });
});

it('answers again once the database is back', async () => {
  const answer = await poll(
    () => secretariat.request('GET', '/api/documents'),
    (a) => a.status !== 503,
    'the list once the database is back',
  );
  expect(answer.status).toBe(200);
});
