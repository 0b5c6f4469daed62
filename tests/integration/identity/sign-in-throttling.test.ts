/**
 * Sign-in throttling an anonymous attacker cannot turn against an account's owner
 * (server/src/auth/login-throttle.ts [L1]–[L4]): failures count per (account, address) — or per
 * (account, device) from a device that signed in before — with an exponential back-off; an address
 * guessing many accounts is limited; the owner is mailed, in their language, once failures start to wait.
 */
import { startWorld, insertUser, PASSWORD, type World } from './support/world';
import { requestAs, NOBODY, type Answer } from '../../utils/people';
import { fakeSmtp } from '../../utils/fake-smtp';
import { poll, sleep } from '../../utils/wait';

let world: World;
let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
beforeAll(async () => {
  smtp = await fakeSmtp();
  world = await startWorld({
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3',
    LOGIN_MAX_ATTEMPTS_PER_IP: '8',
    LOGIN_WINDOW_MINUTES: '15',
    TRUST_PROXY: '1',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    PUBLIC_URL: 'https://concordia.example',
  });
});
afterAll(async () => {
  await world.stop();
  await smtp.close();
});
beforeEach(async () => {
  await world.pool.query('DELETE FROM login_throttles');
  smtp.messages.length = 0;
});

let n = 0;
/** A fresh account, so each test starts with no history. */
const account = async (lang: 'en' | 'es' = 'en') => {
  const email = `owner-${++n}@identity.test`;
  await insertUser(world.pool, email, { lang });
  return email;
};
const login = (email: string, password: string, from: { ip: string; device?: string | null }) =>
  requestAs(
    world.server,
    NOBODY,
    'POST',
    '/api/auth/login',
    { email, password },
    {
      'x-forwarded-for': from.ip,
      ...(from.device ? { cookie: from.device } : {}),
    },
  );
const deviceCookieOf = (answer: Answer) => /concordia_device=[^;]+/.exec(answer.headers.get('set-cookie') ?? '')?.[0] ?? null;
/** Moves a pair's last attempt `seconds` into the past, as if that long had passed. */
const wait = (seconds: number) => world.pool.query(`UPDATE login_throttles SET window_started_at = window_started_at - make_interval(secs => $1)`, [seconds]);

describe('[L1] failures count per account and address', () => {
  it('locks out the guesser, never the owner on a device they signed in from before — even at the guesser’s address', async () => {
    const email = await account();
    const signedIn = await login(email, PASSWORD, { ip: '198.51.100.1' });
    expect(signedIn.status).toBe(200);
    const device = deviceCookieOf(signedIn);
    expect(device).not.toBeNull();
    expect(signedIn.headers.get('set-cookie')).toMatch(/concordia_device=[^;]+; Max-Age=\d+; Path=\/api; HttpOnly; SameSite=Lax/);

    const guesses = [];
    for (let i = 0; i < 6; i += 1) guesses.push((await login(email, `guess ${i}`, { ip: '203.0.113.66' })).status);
    expect(guesses).toEqual([401, 401, 401, 429, 429, 429]);
    expect((await login(email, PASSWORD, { ip: '203.0.113.66', device })).status).toBe(200);
    expect((await login(email, PASSWORD, { ip: '192.0.2.7' })).status).toBe(200);
  });

  it('does not count a device cookie of another account as a known device', async () => {
    const victim = await account();
    const attacker = await account();
    const own = deviceCookieOf(await login(attacker, PASSWORD, { ip: '203.0.113.67' }));
    const guesses = [];
    for (let i = 0; i < 4; i += 1) guesses.push((await login(victim, `guess ${i}`, { ip: '203.0.113.67', device: own })).status);
    expect(guesses).toEqual([401, 401, 401, 429]);
  });

  it('throttles an unknown email exactly like a real one, so the answer tells nothing', async () => {
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push((await login('nobody-here@identity.test', 'guess', { ip: '203.0.113.68' })).status);
    expect(answers).toEqual([401, 401, 401, 429]);
  });

  it('[L4] counts parallel guesses before checking any password', async () => {
    const email = await account();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => login(email, `parallel ${i}`, { ip: '203.0.113.69' })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });
});

describe('[L2] the back-off', () => {
  it('doubles the wait after each further failure, refuses even the right password meanwhile, and forgets the pair on success', async () => {
    const email = await account();
    const from = { ip: '203.0.113.70' };
    for (let i = 0; i < 3; i += 1) expect((await login(email, `guess ${i}`, from)).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const refused = await login(email, PASSWORD, from);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'too_many_attempts', message: expect.stringMatching(/Please wait \d+ seconds/) });
      expect(refused.headers.get('set-cookie')).toBeNull();
      const seconds = Number(refused.headers.get('retry-after'));
      waits.push(seconds);
      await wait(seconds);
      expect((await login(email, `guess after ${seconds} s`, from)).status).toBe(401);
    }
    expect(waits.map((s) => Math.round(s / 10) * 10)).toEqual([30, 60, 120]);
    await wait(240);
    expect((await login(email, PASSWORD, from)).status).toBe(200);
    expect((await login(email, 'one more slip', from)).status).toBe(401);
    expect((await login(email, PASSWORD, from)).status).toBe(200);
  });

  it('never waits longer than LOGIN_WINDOW_MINUTES', async () => {
    const email = await account();
    await world.pool.query(`INSERT INTO login_throttles (key, attempts, window_started_at) VALUES ($1, 40, now())`, [`pair:${email}|203.0.113.71`]);
    const refused = await login(email, PASSWORD, { ip: '203.0.113.71' });
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
  });
});

describe('[L3] an address guessing many accounts', () => {
  it('is limited across accounts, but a known device at that address still signs in', async () => {
    const email = await account();
    const device = deviceCookieOf(await login(email, PASSWORD, { ip: '198.51.100.2' }));
    const statuses = [];
    for (let i = 0; i < 9; i += 1) statuses.push((await login(`spray-${i}@identity.test`, 'guess', { ip: '203.0.113.72' })).status);
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses[8]).toBe(429);
    expect((await login(email, PASSWORD, { ip: '203.0.113.72', device })).status).toBe(200);
  });

  it('gives a successful sign-in its attempt back, so an office behind one address is not locked out by working', async () => {
    const email = await account();
    for (let i = 0; i < 9; i += 1) expect((await login(email, PASSWORD, { ip: '203.0.113.73' })).status).toBe(200);
  });
});

describe('the owner is told', () => {
  it('by one mail in their language once failures start to wait, naming the address', async () => {
    const email = await account('es');
    for (let i = 0; i < 3; i += 1) await login(email, `guess ${i}`, { ip: '203.0.113.74' });
    const [message] = await poll(
      () => smtp.messages,
      (m) => m.length > 0,
      'the alert mail',
    );
    const text = message.replace(/=\r\n/g, '');
    expect(text).toContain(`To: ${email}`);
    expect(text).toMatch(/Subject: =\?UTF-8\?Q\?Intentos_fallidos|Subject: Intentos fallidos/);
    expect(text).toContain('203.0.113.74');
    // More failures within the hour, from there or elsewhere: no second mail.
    await wait(30);
    await login(email, 'guess again', { ip: '203.0.113.74' });
    for (let i = 0; i < 3; i += 1) await login(email, `guess ${i}`, { ip: '203.0.113.75' });
    await sleep(300);
    expect(smtp.messages).toHaveLength(1);
  });

  it('not for an account that does not exist, nor for failures that do not wait yet', async () => {
    for (let i = 0; i < 3; i += 1) await login('nobody-at-all@identity.test', `guess ${i}`, { ip: '203.0.113.76' });
    const email = await account();
    for (let i = 0; i < 2; i += 1) await login(email, `guess ${i}`, { ip: '203.0.113.76' });
    await sleep(300);
    expect(smtp.messages).toEqual([]);
  });
});
