/**
 * Administrators register the ministries' identity providers; the client secret goes in, is kept only
 * sealed (AES-256-GCM under IDENTITY_SECRET_KEY) and never comes out; the sign-in page learns only
 * the enabled providers of the exact domain it asks about.
 */
import { insertUser } from './support/world';
import { auditActions, CLIENT_SECRET, DOMAIN, messagesOf, SECRET_KEY, startSsoWorld, type SsoWorld } from './support/sso-world';
import { requestAs, startSessionFor } from '../../utils/people';
import { SecretBox } from '../../../server/src/auth/secret-box';

let world: SsoWorld;
beforeAll(async () => {
  world = await startSsoWorld();
});
afterAll(() => world.stop());

const guatemala = (issuer: string) => ({
  issuer,
  clientId: 'concordia',
  clientSecret: CLIENT_SECRET,
  domains: ['mingob.gob.gt'],
  displayName: { en: 'Ministry of the Interior of Guatemala', es: 'Ministerio de Gobernación de Guatemala' },
});

describe('identity providers', () => {
  it('never answers the client secret, in any answer', async () => {
    const created = await world.asAdmin('POST', '/api/identity-providers', guatemala(world.idp.issuer));
    const listed = await world.asAdmin('GET', '/api/identity-providers');
    const changed = await world.asAdmin('PATCH', `/api/identity-providers/${created.body.provider.id}`, { clientSecret: 'a-new-secret-value' });
    expect([created.status, listed.status, changed.status]).toEqual([201, 200, 200]);
    for (const answer of [created, listed, changed]) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain('a-new-secret-value');
      expect(text).not.toContain('v1:');
    }
    expect(created.body.provider).toMatchObject({ hasClientSecret: true, domains: ['mingob.gob.gt'], enabled: true, allowAccountCreation: false });
    expect(Object.keys(created.body.provider)).not.toContain('clientSecret');
    const audit = JSON.stringify(await auditActions(world.pool, 'identity_provider.created'));
    expect(audit).not.toContain(CLIENT_SECRET);
  });

  it('stores the secret sealed with AES-256-GCM, bound to its provider', async () => {
    const { rows } = await world.pool.query<{ client_secret_sealed: string }>('SELECT client_secret_sealed FROM identity_providers WHERE id = $1', [
      world.providerId,
    ]);
    const sealed = rows[0].client_secret_sealed;
    expect(sealed).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain(CLIENT_SECRET);
    const box = SecretBox.fromKey(SECRET_KEY);
    expect(box.open(sealed, `identity_provider:${world.providerId}`)).toBe(CLIENT_SECRET);
    expect(() => box.open(sealed, `identity_provider:${crypto.randomUUID()}`)).toThrow();
    expect(() => SecretBox.fromKey('b4'.repeat(32)).open(sealed, `identity_provider:${world.providerId}`)).toThrow();
  });

  it('removes the secret when told to', async () => {
    const id = await world.registerProvider({ domains: ['public.gob.gt'] });
    const changed = await world.asAdmin('PATCH', `/api/identity-providers/${id}`, { clientSecret: null });
    expect(changed.body.provider.hasClientSecret).toBe(false);
    expect((await world.pool.query('SELECT client_secret_sealed FROM identity_providers WHERE id = $1', [id])).rows[0].client_secret_sealed).toBeNull();
  });

  it('refuses to store a secret when the server has no key to seal it with, but registers a public client', async () => {
    // The same server, configured without IDENTITY_SECRET_KEY (the secret box reads ctx.env on each use).
    const env = world.server.concordia.env;
    env.IDENTITY_SECRET_KEY = undefined;
    try {
      const adminId = await insertUser(world.pool, 'admin-es@concordia.test', { admin: true, lang: 'es' });
      const admin = await startSessionFor(world.server, adminId);
      const before = (await world.pool.query('SELECT count(*)::int AS n FROM identity_providers')).rows[0].n;
      const refused = await requestAs(world.server, admin, 'POST', '/api/identity-providers', guatemala(world.idp.issuer));
      expect({ status: refused.status, code: refused.body.error.code, message: refused.body.error.message }).toEqual({
        status: 409,
        code: 'identity_secret_key_missing',
        message: messagesOf('identity_secret_key_missing').es,
      });
      expect((await world.pool.query('SELECT count(*)::int AS n FROM identity_providers')).rows[0].n).toBe(before);
      const { clientSecret: _omitted, ...publicClient } = guatemala(world.idp.issuer);
      const created = await requestAs(world.server, admin, 'POST', '/api/identity-providers', publicClient);
      expect({ status: created.status, hasClientSecret: created.body.provider.hasClientSecret }).toEqual({ status: 201, hasClientSecret: false });
    } finally {
      env.IDENTITY_SECRET_KEY = SECRET_KEY;
    }
  });

  it.each([
    ['an issuer over plain http elsewhere than this machine', { issuer: 'http://login.minex.gob.gt' }, 'issuer'],
    ['an issuer with a query', { issuer: 'https://login.minex.gob.gt/?tenant=1' }, 'issuer'],
    ['a wildcard domain', { domains: ['*.gob.gt'] }, 'domains'],
    ['no domain', { domains: [] }, 'domains'],
    ['the same domain twice', { domains: ['a.gob.gt', 'a.gob.gt'] }, 'domains'],
    ['a display name in one language only', { displayName: { en: 'Ministry' } }, 'displayName'],
    ['a participant code in lower case', { participantCode: 'gt' }, 'participantCode'],
  ])('refuses %s with a translated validation error', async (_what, change, field) => {
    const answer = await world.asAdmin('POST', '/api/identity-providers', { ...guatemala(world.idp.issuer), ...change });
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 400, code: 'validation_failed' });
    expect(answer.body.error.message).toContain(field);
  });

  it('answers 404 for a provider that does not exist', async () => {
    const answer = await world.asAdmin('PATCH', `/api/identity-providers/${crypto.randomUUID()}`, { enabled: false });
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 404, code: 'identity_provider_not_found' });
  });

  it('is managed by administrators only', async () => {
    const secretariatId = await insertUser(world.pool, 'secretariat@concordia.test');
    const who = await startSessionFor(world.server, secretariatId);
    for (const [method, path, body] of [
      ['GET', '/api/identity-providers', undefined],
      ['POST', '/api/identity-providers', guatemala(world.idp.issuer)],
      ['PATCH', `/api/identity-providers/${world.providerId}`, { enabled: false }],
    ] as const) {
      const answer = await requestAs(world.server, who, method, path, body);
      expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 403, code: 'forbidden' });
      const anonymous = await requestAs(world.server, { cookie: null, csrfToken: null }, method, path, body);
      expect(anonymous.status).toBe(401);
    }
    expect((await world.pool.query('SELECT enabled FROM identity_providers WHERE id = $1', [world.providerId])).rows[0].enabled).toBe(true);
  });
});

describe('the providers offered on the sign-in page', () => {
  const offered = async (email: string) => (await fetch(`${world.server.url}/api/auth/sso/providers?email=${encodeURIComponent(email)}`)).json();

  it('are the enabled providers of exactly that domain, with their button text and nothing else', async () => {
    expect(await offered(`Ana@${DOMAIN.toUpperCase()}`)).toEqual({
      providers: [
        { id: world.providerId, displayName: { en: 'Ministry of Foreign Affairs of Guatemala', es: 'Ministerio de Relaciones Exteriores de Guatemala' } },
      ],
    });
    expect(await offered(`ana@sub.${DOMAIN}`)).toEqual({ providers: [] });
    expect(await offered(`ana@gob.gt`)).toEqual({ providers: [] });
  });

  it('need an email address: there is no list of every provider', async () => {
    const answer = await fetch(`${world.server.url}/api/auth/sso/providers`);
    expect(answer.status).toBe(400);
  });
});
