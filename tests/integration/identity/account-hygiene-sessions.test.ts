/**
 * A person's own sessions and password (issue 21): the Security page's sessions, ending one, signing out
 * everywhere else, changing the password (which ends every other session and keeps this one), and each
 * of these — with sign-ins and their failures — in the audit chain and on the person's own page.
 */
import { startWorld, insertUser, PASSWORD, type World } from './support/world';
import { requestAs, sessionCookieFrom, type Credentials } from '../../utils/people';
import { verifyAuditChain } from '../../../server/src/audit/verify-chain';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

/** Signs in through the route, from a browser that says who it is. */
async function signInFrom(email: string, password: string, userAgent: string): Promise<Credentials> {
  const answer = await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email, password }, { 'user-agent': userAgent });
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return { cookie: sessionCookieFrom(answer), csrfToken: answer.body.csrfToken };
}

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1';

async function freshPerson(name: string): Promise<{ id: string; email: string }> {
  const email = `${name}-${Date.now().toString(36)}@identity.test`;
  return { id: await insertUser(world.pool, email, { name }), email };
}

const status = async (who: Credentials) => (await requestAs(world.server, who, 'GET', '/api/me')).status;

describe('my sessions', () => {
  it('lists where I am signed in, with the browser, the address and which one is this, and none of anyone else', async () => {
    const person = await freshPerson('traveller');
    const laptop = await signInFrom(person.email, PASSWORD, FIREFOX);
    await signInFrom(person.email, PASSWORD, SAFARI);
    const answer = await requestAs(world.server, laptop, 'GET', '/api/me/sessions');
    expect(answer.status).toBe(200);
    expect(answer.body.sessions).toHaveLength(2);
    const current = answer.body.sessions.find((s: { current: boolean }) => s.current);
    expect(current).toMatchObject({ userAgent: FIREFOX, address: expect.stringMatching(/127\.0\.0\.1/) });
    expect(answer.body.sessions.find((s: { current: boolean }) => !s.current)).toMatchObject({ userAgent: SAFARI, current: false });
    // Sessions are named by a public id, never by the token's hash the server keys them by.
    const stored = await world.pool.query('SELECT id FROM sessions WHERE user_id = $1', [person.id]);
    for (const row of stored.rows) expect(JSON.stringify(answer.body)).not.toContain(row.id);
  });

  it('ends one other session: its cookie gets 401 at once, mine stays; my own cannot be ended here, nor another person’s', async () => {
    const person = await freshPerson('careful');
    const mine = await signInFrom(person.email, PASSWORD, FIREFOX);
    const other = await signInFrom(person.email, PASSWORD, SAFARI);
    const { sessions } = (await requestAs(world.server, mine, 'GET', '/api/me/sessions')).body;
    const otherId = sessions.find((s: { current: boolean }) => !s.current).id;
    const currentId = sessions.find((s: { current: boolean }) => s.current).id;

    const stranger = await world.signInDirectly(world.users.observer.id);
    expect((await requestAs(world.server, stranger, 'DELETE', `/api/me/sessions/${otherId}`)).status).toBe(404);
    expect(await status(other)).toBe(200);

    const itself = await requestAs(world.server, mine, 'DELETE', `/api/me/sessions/${currentId}`);
    expect({ status: itself.status, code: itself.body.error?.code }).toEqual({ status: 400, code: 'session_is_current' });
    expect((await requestAs(world.server, mine, 'DELETE', `/api/me/sessions/${otherId}`)).status).toBe(204);
    expect(await status(other)).toBe(401);
    expect(await status(mine)).toBe(200);
    const audit = await world.pool.query(`SELECT actor_user_id, subject FROM audit_events WHERE action = 'session.ended' AND subject->>'userId' = $1`, [
      person.id,
    ]);
    expect(audit.rows).toEqual([{ actor_user_id: person.id, subject: { userId: person.id, session: otherId, how: 'ended_by_owner' } }]);
  });

  it('signs out everywhere else: every other session ends, this one stays, and it is recorded with the count', async () => {
    const person = await freshPerson('everywhere');
    const mine = await signInFrom(person.email, PASSWORD, FIREFOX);
    const others = [await signInFrom(person.email, PASSWORD, SAFARI), await world.signInDirectly(person.id)];
    const answer = await requestAs(world.server, mine, 'POST', '/api/me/sessions/end-others', {});
    expect(answer.body).toEqual({ ended: 2 });
    for (const other of others) expect(await status(other)).toBe(401);
    expect(await status(mine)).toBe(200);
    expect((await requestAs(world.server, mine, 'GET', '/api/me/sessions')).body.sessions).toHaveLength(1);
    const audit = await world.pool.query(`SELECT subject FROM audit_events WHERE action = 'session.ended_everywhere' AND subject->>'userId' = $1`, [person.id]);
    expect(audit.rows[0].subject).toEqual({ userId: person.id, sessionsEnded: 2 });
  });
});

describe('changing my password', () => {
  it('needs my current password, ends every other session (their cookies get 401) but not this one, and the new one signs in', async () => {
    const person = await freshPerson('changer');
    const mine = await signInFrom(person.email, PASSWORD, FIREFOX);
    const other = await signInFrom(person.email, PASSWORD, SAFARI);
    const wrong = await requestAs(world.server, mine, 'POST', '/api/me/password', {
      currentPassword: 'not my password at all',
      newPassword: 'orchard lantern velvet',
    });
    expect({ status: wrong.status, code: wrong.body.error?.code }).toEqual({ status: 400, code: 'current_password_wrong' });
    expect(await status(other)).toBe(200);

    const changed = await requestAs(world.server, mine, 'POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: 'orchard lantern velvet' });
    expect(changed).toMatchObject({ status: 200, body: { ended: 1 } });
    expect(await status(other)).toBe(401);
    expect(await status(mine)).toBe(200);
    const oldOne = await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email: person.email, password: PASSWORD });
    expect(oldOne.status).toBe(401);
    expect(
      (await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email: person.email, password: 'orchard lantern velvet' })).status,
    ).toBe(200);
    const audit = await world.pool.query(`SELECT actor_user_id, subject FROM audit_events WHERE action = 'password.changed' AND subject->>'userId' = $1`, [
      person.id,
    ]);
    expect(audit.rows).toEqual([
      { actor_user_id: person.id, subject: { userId: person.id, sessionsEnded: 1, address: expect.stringMatching(/127\.0\.0\.1/) } },
    ]);
  });

  it('is refused to nobody signed in, and without the CSRF token', async () => {
    const body = { currentPassword: PASSWORD, newPassword: 'orchard lantern velvet' };
    expect((await requestAs(world.server, world.as.anonymous, 'POST', '/api/me/password', body)).status).toBe(401);
    const me = await world.signInDirectly(world.users.observer.id);
    expect((await requestAs(world.server, { ...me, csrfToken: null }, 'POST', '/api/me/password', body)).body.error.code).toBe('csrf_failed');
  });
});

describe('identity events', () => {
  it('records sign-ins and failures with their reason, and shows me mine and only mine, newest first', async () => {
    const person = await freshPerson('watched');
    await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email: person.email, password: 'a wrong guess here' });
    await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email: 'nobody.at.all@identity.test', password: 'a wrong guess here' });
    await world.pool.query('UPDATE users SET disabled_at = now() WHERE id = $1', [person.id]);
    await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email: person.email, password: PASSWORD });
    await world.pool.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [person.id]);
    const mine = await signInFrom(person.email, PASSWORD, FIREFOX);
    await requestAs(world.server, mine, 'POST', '/api/me/sessions/end-others', {});

    const failures = await world.pool.query(`SELECT subject FROM audit_events WHERE action = 'sign_in.failed' AND subject->>'email' = ANY($1) ORDER BY id`, [
      [person.email, 'nobody.at.all@identity.test'],
    ]);
    expect(failures.rows.map((r) => [r.subject.userId ?? null, r.subject.reason])).toEqual([
      [person.id, 'wrong_password'],
      [null, 'unknown_account'],
      [person.id, 'account_disabled'],
    ]);
    const page = await requestAs(world.server, mine, 'GET', '/api/me/identity-events');
    expect(page.body.events.map((e: { action: string; reason: string | null }) => [e.action, e.reason])).toEqual([
      ['session.ended_everywhere', null],
      ['sign_in.succeeded', null],
      ['sign_in.failed', 'account_disabled'],
      ['sign_in.failed', 'wrong_password'],
    ]);
    expect(page.body.events[1].address).toMatch(/127\.0\.0\.1/);
    const success = await world.pool.query(`SELECT subject FROM audit_events WHERE action = 'sign_in.succeeded' AND subject->>'userId' = $1`, [person.id]);
    expect(success.rows[0].subject).toMatchObject({ userAgent: FIREFOX, via: 'password', session: expect.any(String) });
  });

  it('records signing out, and leaves the audit chain whole', async () => {
    const person = await freshPerson('leaving');
    const mine = await signInFrom(person.email, PASSWORD, FIREFOX);
    expect((await requestAs(world.server, mine, 'POST', '/api/auth/logout', {})).status).toBe(204);
    const audit = await world.pool.query(`SELECT subject FROM audit_events WHERE action = 'session.ended' AND subject->>'userId' = $1`, [person.id]);
    expect(audit.rows[0].subject).toEqual({ userId: person.id, how: 'signed_out' });
    expect(await verifyAuditChain(world.pool)).toMatchObject({ ok: true });
  });
});
