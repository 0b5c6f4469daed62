/**
 * Every way a sign-in through a provider is refused ends on the sign-in page with a translated reason
 * (`/signin?sso_error=<code>`), in the audit chain as `sso.failed`, and with no session: a wrong
 * audience or issuer, a replayed state, a bad nonce, an expired ID token, an unverified email, an
 * address outside the provider's domains, nobody to sign in, a disabled provider.
 */
import { insertUser } from './support/world';
import { auditActions, DOMAIN, messagesOf, sessionsOf, startSsoWorld, type SsoWorld } from './support/sso-world';
import { signInThroughProvider, type SsoFlow } from '../../utils/oidc-test-provider';
import { connectRealtime } from '../../utils/realtime-client';
import { waitFor } from '../../utils/wait';
import { SocketEvent } from '../../../shared/src/protocol';

let world: SsoWorld;
beforeAll(async () => {
  world = await startSsoWorld();
});
afterAll(() => world.stop());

let counter = 0;
/** A person of the ministry with an account, whom the provider knows with these claims. */
async function person(claims: { email_verified?: boolean | string; account?: boolean } = {}) {
  counter += 1;
  const email = `person${counter}@${DOMAIN}`;
  if (claims.account !== false) await insertUser(world.pool, email);
  await world.idp.account(email, { sub: `minex-${counter}`, email_verified: claims.email_verified ?? true });
  return email;
}

/** The refusal as the person meets it: the code on the sign-in page, a sentence in each language, no session, an audit record. */
async function expectRefused(flow: SsoFlow, email: string, code: string) {
  expect({ location: flow.location.split('?')[0], error: flow.error }).toEqual({ location: '/signin', error: code });
  messagesOf(code);
  expect(flow.jar.get('concordia_session')).toBeUndefined();
  expect(await sessionsOf(world.pool, email)).toBe(0);
  expect((await auditActions(world.pool, 'sso.failed')).map((s) => s.code)).toContain(code);
}

describe('a sign-in through a provider is refused', () => {
  it('when the ID token was issued for another audience', async () => {
    const email = await person();
    await world.idp.tamper({ aud: 'another-relying-party' });
    await expectRefused(await signInThroughProvider(world.server, { providerId: world.providerId, email }), email, 'sso_token_invalid');
    const reasons = (await auditActions(world.pool, 'sso.failed')).map((s) => s.reason);
    expect(reasons.some((r) => /aud/.test(String(r)))).toBe(true);
  });

  it('when the ID token names another issuer', async () => {
    const email = await person();
    await world.idp.tamper({ iss: 'https://impostor.example' });
    await expectRefused(await signInThroughProvider(world.server, { providerId: world.providerId, email }), email, 'sso_token_invalid');
  });

  it('when the ID token carries another nonce', async () => {
    const email = await person();
    await world.idp.tamper({ nonce: 'a-nonce-of-another-sign-in' });
    await expectRefused(await signInThroughProvider(world.server, { providerId: world.providerId, email }), email, 'sso_nonce_mismatch');
  });

  it('when the ID token has expired', async () => {
    const email = await person();
    const now = Math.floor(Date.now() / 1000);
    await world.idp.tamper({ iat: now - 7200, exp: now - 3600 });
    await expectRefused(await signInThroughProvider(world.server, { providerId: world.providerId, email }), email, 'sso_token_expired');
  });

  it('when the callback replays a state already spent, and opens no second session', async () => {
    const email = await person();
    const first = await signInThroughProvider(world.server, { providerId: world.providerId, email });
    expect(first.error).toBeNull();
    expect(await sessionsOf(world.pool, email)).toBe(1);

    const replay = await fetch(first.callbackUrl!, { redirect: 'manual', headers: { cookie: `concordia_sso=${first.jar.get('concordia_sso')}` } });

    expect(replay.headers.get('location')).toBe('/signin?sso_error=sso_state_invalid');
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('concordia_session='))).toBe(false);
    expect(await sessionsOf(world.pool, email)).toBe(1);
    messagesOf('sso_state_invalid');
  });

  it('when the callback arrives in a browser that did not start the sign-in, which does not spoil it for the one that did', async () => {
    const email = await person();
    const foreign: string[] = [];
    const flow = await signInThroughProvider(world.server, {
      providerId: world.providerId,
      email,
      beforeCallback: async (callbackUrl) => {
        for (const cookie of [undefined, 'concordia_sso=AnotherBrowsersBindingToken0123456789abcdef']) {
          const answer = await fetch(callbackUrl, { redirect: 'manual', headers: cookie ? { cookie } : {} });
          foreign.push(answer.headers.get('location') ?? '');
        }
      },
    });
    expect(foreign).toEqual(['/signin?sso_error=sso_state_invalid', '/signin?sso_error=sso_state_invalid']);
    expect(flow.error).toBeNull();
    expect(await sessionsOf(world.pool, email)).toBe(1);
  });

  it('when the provider has not verified the email, and the account with that address is not linked', async () => {
    const email = await person({ email_verified: false });
    await expectRefused(await signInThroughProvider(world.server, { providerId: world.providerId, email }), email, 'sso_email_unverified');
    expect((await world.pool.query('SELECT count(*)::int AS n FROM linked_identities WHERE email = $1', [email])).rows[0].n).toBe(0);
  });

  it('when email_verified is the string "true" rather than true', async () => {
    const email = await person({ email_verified: 'true' });
    await expectRefused(await signInThroughProvider(world.server, { providerId: world.providerId, email }), email, 'sso_email_unverified');
  });

  it('when nobody has an account for the address, no invitation waits for it and the provider creates none', async () => {
    const email = await person({ account: false });
    await expectRefused(await signInThroughProvider(world.server, { providerId: world.providerId, email }), email, 'sso_no_account');
    expect((await world.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).rows[0].n).toBe(0);
  });

  it('but creates the account when the provider allows it', async () => {
    const providerId = await world.registerProvider({ allowAccountCreation: true, domains: ['creates.gob.gt'] });
    const email = 'new.person@creates.gob.gt';
    await world.idp.account(email, { sub: 'creates-1', email_verified: true, name: 'New Person' });
    const flow = await signInThroughProvider(world.server, { providerId, email });
    expect(flow.error).toBeNull();
    expect(await sessionsOf(world.pool, email)).toBe(1);
    expect((await auditActions(world.pool, 'sso.account_created')).some((s) => s.providerId === providerId && s.via === 'provider')).toBe(true);
  });

  it('when the account is disabled', async () => {
    const email = await person();
    await world.pool.query('UPDATE users SET disabled_at = now() WHERE email = $1', [email]);
    await expectRefused(await signInThroughProvider(world.server, { providerId: world.providerId, email }), email, 'sso_account_disabled');
  });

  it('when the provider answers that the person declined', async () => {
    const start = await fetch(`${world.server.url}/api/auth/sso/start?providerId=${world.providerId}`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const binding = start.headers
      .getSetCookie()
      .find((c) => c.startsWith('concordia_sso='))!
      .split(';')[0];
    const query = new URLSearchParams({ error: 'access_denied', state, iss: world.idp.issuer });
    const back = await fetch(`${world.server.url}/api/auth/sso/callback?${query}`, { redirect: 'manual', headers: { cookie: binding } });
    expect(back.headers.get('location')).toBe('/signin?sso_error=sso_denied');
    expect(back.headers.getSetCookie().some((c) => c.startsWith('concordia_session='))).toBe(false);
    messagesOf('sso_denied');
  });

  it('when the address is outside the domains the provider vouches for', async () => {
    const email = 'someone@elsewhere.gob.hn';
    await insertUser(world.pool, email);
    await world.idp.account(email, { sub: 'elsewhere-1', email_verified: true });
    await expectRefused(await signInThroughProvider(world.server, { providerId: world.providerId, email }), email, 'sso_email_domain');
  });
});

describe('a disabled provider', () => {
  it('starts no sign-in, finishes none under way, and is no longer offered', async () => {
    const providerId = await world.registerProvider({ domains: ['disabled.gob.gt'] });
    const email = 'ana@disabled.gob.gt';
    await insertUser(world.pool, email);
    await world.idp.account(email, { sub: 'disabled-ana', email_verified: true });

    const underWay = await signInThroughProvider(world.server, {
      providerId,
      email,
      beforeCallback: async () => {
        expect((await world.asAdmin('PATCH', `/api/identity-providers/${providerId}`, { enabled: false })).status).toBe(200);
      },
    });
    await expectRefused(underWay, email, 'sso_provider_disabled');

    const start = await fetch(`${world.server.url}/api/auth/sso/start?providerId=${providerId}&email=${encodeURIComponent(email)}`, { redirect: 'manual' });
    expect(start.headers.get('location')).toBe('/signin?sso_error=sso_provider_disabled');
    const offered = await fetch(`${world.server.url}/api/auth/sso/providers?email=${encodeURIComponent(email)}`);
    expect(await offered.json()).toEqual({ providers: [] });
  });

  it('ends the sessions that came through it, and only those, and closes their sockets', async () => {
    const providerId = await world.registerProvider({ domains: ['ends.gob.gt'] });
    const email = 'ines@ends.gob.gt';
    const userId = await insertUser(world.pool, email);
    await world.idp.account(email, { sub: 'ends-ines', email_verified: true });
    const flow = await signInThroughProvider(world.server, { providerId, email });
    expect(flow.error).toBeNull();
    const passwordSession = await (await import('../../utils/people')).startSessionFor(world.server, userId);
    expect(await sessionsOf(world.pool, email)).toBe(2);
    const throughProvider = await connectRealtime(world.server.url, `concordia_session=${flow.jar.get('concordia_session')}`);
    const withPassword = await connectRealtime(world.server.url, passwordSession.cookie);
    const told: string[] = [];
    throughProvider.onAny((event: string) => told.push(event));

    expect((await world.asAdmin('PATCH', `/api/identity-providers/${providerId}`, { enabled: false })).body.provider.enabled).toBe(false);

    const open = await world.pool.query('SELECT id FROM sessions WHERE user_id = $1 AND ended_at IS NULL', [userId]);
    expect(open.rows).toEqual([{ id: passwordSession.sessionId }]);
    expect(await waitFor(() => throughProvider.disconnected, 'the socket of the session through the provider to close')).toBeLessThan(5000);
    expect(told).toContain(SocketEvent.SessionEnded);
    expect(withPassword.connected).toBe(true);
    withPassword.close();
    expect((await auditActions(world.pool, 'identity_provider.disabled')).map((s) => s.providerId)).toContain(providerId);
  });

  it('with a domain removed, ends the sessions of that domain and refuses its people', async () => {
    const providerId = await world.registerProvider({ domains: ['kept.gob.gt', 'removed.gob.gt'] });
    const kept = 'kept@kept.gob.gt';
    const removed = 'gone@removed.gob.gt';
    for (const [email, sub] of [
      [kept, 'kept-1'],
      [removed, 'removed-1'],
    ]) {
      await insertUser(world.pool, email);
      await world.idp.account(email, { sub, email_verified: true });
      expect((await signInThroughProvider(world.server, { providerId, email })).error).toBeNull();
    }

    expect((await world.asAdmin('PATCH', `/api/identity-providers/${providerId}`, { domains: ['kept.gob.gt'] })).status).toBe(200);

    expect([await sessionsOf(world.pool, kept), await sessionsOf(world.pool, removed)]).toEqual([1, 0]);
    await expectRefused(await signInThroughProvider(world.server, { providerId, email: removed }), removed, 'sso_email_domain');
  });
});
