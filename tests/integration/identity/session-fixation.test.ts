import { tokenHash } from '../../../server/src/auth/tokens';
import { startWorld, PASSWORD, type World } from './support/world';
import { NOBODY, requestAs, sessionCookieFrom } from '../../utils/people';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const signIn = (cookie: string | null) =>
  requestAs(world.server, { ...NOBODY, cookie }, 'POST', '/api/auth/login', { email: world.users.delegateP.email, password: PASSWORD });

describe('session fixation', () => {
  it('never adopts a session id chosen by the browser (or planted in it)', async () => {
    const planted = 'concordia_session=PlantedByAnAttacker_0123456789abcdefABCDEF012';
    const answer = await signIn(planted);
    expect(answer.status).toBe(200);
    const issued = sessionCookieFrom(answer)!;
    expect(issued).not.toBe(planted);
    const stored = await world.pool.query('SELECT 1 FROM sessions WHERE id = $1', [tokenHash(planted.split('=')[1])]);
    expect(stored.rows).toHaveLength(0);
    expect((await requestAs(world.server, { ...NOBODY, cookie: planted }, 'GET', '/api/me')).status).toBe(401);
  });

  it('gives a new session id at every sign-in and ends the one the browser arrived with', async () => {
    const first = sessionCookieFrom(await signIn(null))!;
    const second = sessionCookieFrom(await signIn(first))!;
    expect(second).not.toBe(first);
    const asFirst = await requestAs(world.server, { ...NOBODY, cookie: first }, 'GET', '/api/me');
    expect(asFirst.body.error.code).toBe('session_expired');
    expect((await requestAs(world.server, { ...NOBODY, cookie: second }, 'GET', '/api/me')).status).toBe(200);
  });

  it('stores only a hash of the session token, and a different CSRF token per session', async () => {
    const a = await signIn(null);
    const b = await signIn(null);
    const token = sessionCookieFrom(a)!.split('=')[1];
    expect((await world.pool.query('SELECT 1 FROM sessions WHERE id = $1', [token])).rows).toHaveLength(0);
    expect((await world.pool.query('SELECT 1 FROM sessions WHERE id = $1', [tokenHash(token)])).rows).toHaveLength(1);
    expect(a.body.csrfToken).not.toBe(b.body.csrfToken);
  });
});
