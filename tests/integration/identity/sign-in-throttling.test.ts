import { startWorld, PASSWORD, type World } from './support/world';
import { requestAs } from '../../utils/people';

let world: World;
beforeAll(async () => {
  world = await startWorld({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '8', LOGIN_WINDOW_MINUTES: '15' });
});
afterAll(async () => {
  await world.stop();
});
beforeEach(async () => {
  await world.pool.query('DELETE FROM login_throttles');
});

const login = (email: string, password: string, ip?: string) =>
  requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email, password }, ip ? { 'x-forwarded-for': ip } : {});

describe('brute-force throttling', () => {
  it('locks an account after too many failed attempts — even the right password is refused until the window ends', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login(world.users.delegateP.email, `guess ${i}`)).status).toBe(401);
    const locked = await login(world.users.delegateP.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    expect(locked.body.error.message).toMatch(/Please wait \d+ seconds/);
    expect(locked.headers.get('set-cookie')).toBeNull();
    // The window ends: the account can sign in again.
    await world.pool.query(`UPDATE login_throttles SET window_started_at = now() - interval '16 minutes' WHERE key = $1`, [
      `account:${world.users.delegateP.email}`,
    ]);
    expect((await login(world.users.delegateP.email, PASSWORD)).status).toBe(200);
  });

  it('throttles an unknown email exactly like a real one, so the answer tells nothing', async () => {
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push((await login('nobody-here@identity.test', 'guess')).status);
    expect(answers).toEqual([401, 401, 401, 429]);
  });

  it('counts parallel guesses before checking any password', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => login(world.users.delegateQ.email, `parallel ${i}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it('throttles one address trying many accounts', async () => {
    const statuses = [];
    for (let i = 0; i < 9; i += 1) statuses.push((await login(`spray-${i}@identity.test`, 'guess')).status);
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses[8]).toBe(429);
  });

  it('gives a successful sign-in its attempt back, so an office behind one address is not locked out by working', async () => {
    for (let i = 0; i < 9; i += 1) expect((await login(world.users.observer.email, PASSWORD)).status).toBe(200);
  });
});
