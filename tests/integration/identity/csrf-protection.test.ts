import { apiRouters, apiRegistries } from '../../../server/src/routes';
import type { AppContext } from '../../../server/src/context';
import { startWorld, PASSWORD, type World } from './support/world';
import { PREPARED, genericPrepare } from './support/route-cases';
import { requestAs } from '../../utils/people';

const stubContext = {} as AppContext;
apiRouters(stubContext);
const ROUTES = apiRegistries.get(stubContext)!.routes;
const TOKEN_ROUTES = ROUTES.filter((r) => r.method !== 'get' && r.csrf !== 'origin');
const ORIGIN_ROUTES = ROUTES.filter((r) => r.method !== 'get' && r.csrf === 'origin');
const keyOf = (r: (typeof ROUTES)[number]) => `${r.method.toUpperCase()} /api${r.path}`;

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

describe('CSRF protection', () => {
  it('covers every state-changing route: by token, or (sign-in, accepting an invitation, checking a file) by Origin', () => {
    expect(ORIGIN_ROUTES.map(keyOf).sort()).toEqual([
      'POST /api/auth/login',
      'POST /api/auth/second-factor', // the second step of sign-in: nobody is signed in yet
      'POST /api/auth/second-factor/passkey-options',
      'POST /api/invitations/:token/accept',
      'POST /api/password-resets/:token', // choosing a new password with a reset link: nobody is signed in
      'POST /api/verify',
    ]);
    expect(TOKEN_ROUTES.length).toBeGreaterThan(10);
  });

  describe.each(TOKEN_ROUTES.map((r) => [keyOf(r), r] as const))('%s', (key, route) => {
    it.each([
      ['missing', undefined],
      ['wrong', 'x'.repeat(43)],
      ['another session’s', 'other'],
    ] as const)('refuses a %s X-CSRF-Token with 403 csrf_failed', async (_kind, token) => {
      const who = await world.signInDirectly(world.users.secretariat.id);
      const prepared = await (PREPARED[key] ?? genericPrepare(route.method, route.path))(world, 'secretariat');
      const csrf = token === 'other' ? (await world.signInDirectly(world.users.secretariat.id)).csrfToken! : token;
      const answer = await requestAs(
        world.server,
        { ...who, csrfToken: null },
        route.method.toUpperCase(),
        prepared.path,
        prepared.body,
        csrf === undefined ? {} : { 'x-csrf-token': csrf },
      );
      expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status: 403, code: 'csrf_failed' });
    });
  });

  it('changes nothing when the token is missing', async () => {
    const before = (await world.pool.query('SELECT count(*)::int AS n FROM participants')).rows[0].n;
    const who = await world.signInDirectly(world.users.secretariat.id);
    await requestAs(world.server, { ...who, csrfToken: null }, 'POST', `/api/documents/${world.documentId}/participants`, {
      code: 'CSRF',
      name: { en: 'x', es: 'x' },
      color: '#000000',
    });
    expect((await world.pool.query('SELECT count(*)::int AS n FROM participants')).rows[0].n).toBe(before);
  });

  it.each(['https://evil.example', 'null'])('refuses sign-in posted from a foreign page (Origin %s)', async (origin) => {
    const answer = await requestAs(
      world.server,
      world.as.anonymous,
      'POST',
      '/api/auth/login',
      { email: world.users.observer.email, password: PASSWORD },
      { origin },
    );
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 403, code: 'csrf_failed' });
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('refuses sign-in from a browser that says the request is cross-site, even without an Origin', async () => {
    const answer = await fetch(`${world.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ email: world.users.observer.email, password: PASSWORD }),
    });
    expect(answer.status).toBe(403);
  });

  it('refuses accepting an invitation posted from a foreign page', async () => {
    const prepared = await PREPARED['POST /api/invitations/:token/accept'](world, 'anonymous');
    const answer = await requestAs(world.server, world.as.anonymous, 'POST', prepared.path, prepared.body, { origin: 'https://evil.example' });
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 403, code: 'csrf_failed' });
  });
});
