/**
 * Signing in through a ministry's identity provider: a real OpenID Provider (oidc-provider) on a free
 * port, the authorization code flow with PKCE driven as a browser would, and an ordinary Concordia
 * session at the end (server/src/commands/sign-in-with-provider.ts, [S1]–[S5]). Runs on PostgreSQL and
 * on the embedded PGlite.
 */
import { insertUser } from './support/world';
import { auditActions, DOMAIN, sessionsOf, startSsoWorld, type SsoWorld } from './support/sso-world';
import { signInThroughProvider } from '../../utils/oidc-test-provider';
import { requestAs } from '../../utils/people';

let world: SsoWorld;
beforeAll(async () => {
  world = await startSsoWorld();
});
afterAll(() => world.stop());

const cookieOf = (jar: { get(name: string): string | undefined }) => `concordia_session=${jar.get('concordia_session')}`;

describe('single sign-on', () => {
  it('signs a person in through their ministry and opens an ordinary session, back where they were going', async () => {
    const email = `ana.lopez@${DOMAIN}`;
    const userId = await insertUser(world.pool, email, { name: 'Ana López' });
    await world.idp.account(email, { sub: 'minex-ana', email_verified: true, name: 'Ana López' });

    const flow = await signInThroughProvider(world.server, { providerId: world.providerId, email, next: '/documents/abc' });

    expect({ location: flow.location, error: flow.error }).toEqual({ location: '/documents/abc', error: null });
    const me = await requestAs(world.server, { cookie: cookieOf(flow.jar), csrfToken: null }, 'GET', '/api/me');
    expect({ status: me.status, email: me.body.user?.email }).toEqual({ status: 200, email });
    const session = await world.pool.query(
      'SELECT identity_provider_id, id_token_hint IS NOT NULL AS has_hint FROM sessions WHERE user_id = $1 AND ended_at IS NULL',
      [userId],
    );
    expect(session.rows).toEqual([{ identity_provider_id: world.providerId, has_hint: true }]);
    expect((await auditActions(world.pool, 'sso.signed_in')).map((s) => s.userId)).toContain(userId);
  });

  it('links the first sign-in to the existing account with that verified email, and finds it by subject afterwards', async () => {
    const email = `bruno@${DOMAIN}`;
    const userId = await insertUser(world.pool, email);
    await world.idp.account(email, { sub: 'minex-bruno', email_verified: true });

    expect((await signInThroughProvider(world.server, { providerId: world.providerId, email })).error).toBeNull();
    const linked = await world.pool.query('SELECT user_id, subject FROM linked_identities WHERE provider_id = $1 AND subject = $2', [
      world.providerId,
      'minex-bruno',
    ]);
    expect(linked.rows).toEqual([{ user_id: userId, subject: 'minex-bruno' }]);
    expect((await auditActions(world.pool, 'sso.linked')).some((s) => s.userId === userId && s.subject === 'minex-bruno')).toBe(true);

    // The second time, through the link: still one linked identity, and a second session.
    expect((await signInThroughProvider(world.server, { providerId: world.providerId, email })).error).toBeNull();
    expect((await world.pool.query('SELECT count(*)::int AS n FROM linked_identities WHERE user_id = $1', [userId])).rows[0].n).toBe(1);
    expect(await sessionsOf(world.pool, email)).toBe(2);
  });

  it('creates an account for a verified address with a pending invitation', async () => {
    const email = `carla@${DOMAIN}`;
    const doc = await world.pool.query<{ id: string }>(`INSERT INTO documents (title) VALUES ('{"en":"Compact","es":"Pacto"}') RETURNING id`);
    await world.pool.query(
      `INSERT INTO invitations (document_id, email, role, token_hash, expires_at) VALUES ($1, $2, 'observer', 'x-hash-carla', now() + interval '1 day')`,
      [doc.rows[0].id, email],
    );
    await world.idp.account(email, { sub: 'minex-carla', email_verified: true, name: 'Carla Pérez', locale: 'es-GT' });

    const flow = await signInThroughProvider(world.server, { providerId: world.providerId, email });

    expect(flow.error).toBeNull();
    const user = await world.pool.query('SELECT display_name, ui_language, password_hash FROM users WHERE email = $1', [email]);
    expect(user.rows).toEqual([{ display_name: 'Carla Pérez', ui_language: 'es', password_hash: null }]);
  });

  it('ends the Concordia session on logout and sends the browser to the provider’s end_session_endpoint', async () => {
    const email = `dario@${DOMAIN}`;
    await insertUser(world.pool, email);
    await world.idp.account(email, { sub: 'minex-dario', email_verified: true });
    const flow = await signInThroughProvider(world.server, { providerId: world.providerId, email });
    const me = await requestAs(world.server, { cookie: cookieOf(flow.jar), csrfToken: null }, 'GET', '/api/me');

    const out = await requestAs(world.server, { cookie: cookieOf(flow.jar), csrfToken: me.body.csrfToken }, 'POST', '/api/auth/sso/logout', {});

    expect(out.status).toBe(200);
    const endSession = new URL(out.body.endSessionUrl);
    expect(endSession.origin).toBe(world.idp.issuer);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${world.server.url}/signin`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(await sessionsOf(world.pool, email)).toBe(0);
    const provider = await fetch(endSession, { redirect: 'manual' });
    expect(provider.status).toBeLessThan(500);
  });

  it('answers no provider address on logout for a password session', async () => {
    const userId = await insertUser(world.pool, `eva@elsewhere.test`);
    const who = await (await import('../../utils/people')).startSessionFor(world.server, userId);
    const out = await requestAs(world.server, who, 'POST', '/api/auth/sso/logout', {});
    expect({ status: out.status, body: out.body }).toEqual({ status: 200, body: { endSessionUrl: null } });
    expect(await sessionsOf(world.pool, 'eva@elsewhere.test')).toBe(0);
  });
});
