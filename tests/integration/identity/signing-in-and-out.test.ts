import { startWorld, PASSWORD, insertUser, type World } from './support/world';
import { NOBODY, requestAs, sessionCookieFrom } from '../../utils/people';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const login = (email: string, password: string, cookie: string | null = null) =>
  requestAs(world.server, { ...NOBODY, cookie }, 'POST', '/api/auth/login', { email, password });

describe('signing in and out', () => {
  it('answers the user and a CSRF token, and sets an httpOnly SameSite=Lax session cookie', async () => {
    const answer = await login(world.users.delegateP.email.toUpperCase(), PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body.user).toEqual({
      id: world.users.delegateP.id,
      email: world.users.delegateP.email,
      displayName: 'delegateP',
      uiLanguage: 'en',
      isAdmin: false,
    });
    expect(answer.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^concordia_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    const me = await requestAs(world.server, { ...NOBODY, cookie: sessionCookieFrom(answer) }, 'GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: answer.body.user, csrfToken: answer.body.csrfToken });
  });

  it('gives the same answer for an unknown email, a wrong password and a disabled account', async () => {
    const disabledId = await insertUser(world.pool, 'disabled@identity.test');
    await world.pool.query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabledId]);
    const answers = await Promise.all([
      login('nobody@identity.test', PASSWORD),
      login(world.users.observer.email, 'wrong password'),
      login('disabled@identity.test', PASSWORD),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: 'invalid_credentials', message: 'The email or password is not correct.' } });
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('tells a request without a session to sign in, and one with an ended session that it ended', async () => {
    const none = await requestAs(world.server, NOBODY, 'GET', '/api/me');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthenticated');
    const expired = await requestAs(world.server, world.as.expired, 'GET', '/api/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session_expired');
  });

  it('ends the session at logout: the same cookie no longer works', async () => {
    const who = await world.signInDirectly(world.users.observer.id);
    const out = await requestAs(world.server, who, 'POST', '/api/auth/logout', {});
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/concordia_session=;.*Max-Age=0/);
    const after = await requestAs(world.server, who, 'GET', '/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session_expired');
  });

  it('ends a session that has been idle longer than SESSION_IDLE_MINUTES', async () => {
    const who = await world.signInDirectly(world.users.observer.id);
    await world.pool.query(`UPDATE sessions SET last_seen_at = now() - interval '61 minutes' WHERE id = $1`, [who.sessionId]);
    expect((await requestAs(world.server, who, 'GET', '/api/me')).body.error.code).toBe('session_expired');
  });

  it('answers errors in the signed-in person’s interface language, whatever the browser says', async () => {
    const who = await world.signInDirectly(world.users.observer.id);
    await requestAs(world.server, who, 'PATCH', '/api/me', { uiLanguage: 'es' });
    const answer = await requestAs(world.server, who, 'GET', `/api/documents/${world.otherDocumentId}`, undefined, { 'accept-language': 'en' });
    expect(answer.body.error).toEqual({ code: 'not_found', message: 'No encontrado.' });
    await requestAs(world.server, who, 'PATCH', '/api/me', { uiLanguage: 'en' });
  });

  it('marks the cookie Secure behind an HTTPS proxy (TRUST_PROXY)', async () => {
    const proxied = await startWorld({ TRUST_PROXY: '1' });
    try {
      const answer = await requestAs(
        proxied.server,
        NOBODY,
        'POST',
        '/api/auth/login',
        { email: proxied.users.observer.email, password: PASSWORD },
        { 'x-forwarded-proto': 'https' },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await proxied.stop();
    }
  });
});
