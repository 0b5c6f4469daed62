/**
 * Passkeys and security keys (issue 21, "A second factor") through the API, with a software
 * authenticator: options with a single-use server-side challenge, the relying party from the server's
 * origin, the signature counter stored after each use; a replayed or foreign assertion is refused.
 */
import { startWorld, insertUser, PASSWORD, type World } from './support/world';
import { requestAs, sessionCookieFrom, type Credentials } from '../../utils/people';
import { softAuthenticator } from '../../utils/soft-authenticator';
import { passwordStep, secondStep } from './support/second-factor';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.stop());
beforeEach(() => world.pool.query('DELETE FROM login_throttles'));

let n = 0;
async function person(): Promise<{ email: string; userId: string; who: Credentials }> {
  const email = `passkey-${++n}@identity.test`;
  const userId = await insertUser(world.pool, email);
  return { email, userId, who: await world.signInDirectly(userId) };
}
const rp = () => ({ rpId: new URL(world.origin).hostname, origin: world.origin });

async function addPasskey(who: Credentials, key = softAuthenticator(), label = 'Office key') {
  const { body } = await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys/options', {});
  const answer = await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys', {
    response: key.register({ challenge: body.options.challenge, ...rp() }),
    label,
  });
  return { key, answer, options: body.options };
}

async function passkeyOptions(pendingToken: string) {
  return (await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/second-factor/passkey-options', { pendingToken })).body.options;
}

describe('adding a passkey', () => {
  it('offers options for the server’s own origin and stores the verified credential with ten recovery codes', async () => {
    const { userId, who } = await person();
    const { answer, options } = await addPasskey(who);
    expect(options.rp).toEqual({ name: 'Concordia', id: '127.0.0.1' });
    expect(answer.status).toBe(201);
    expect(answer.body.recoveryCodes).toHaveLength(10);
    expect(answer.body.factors.passkeys).toEqual([{ id: expect.any(String), label: 'Office key', createdAt: expect.any(String), lastUsedAt: null }]);
    const audit = await world.pool.query(
      `SELECT subject->>'method' AS method FROM audit_events WHERE action = 'second_factor.added' AND subject->>'userId' = $1`,
      [userId],
    );
    expect(audit.rows).toEqual([{ method: 'passkey' }]);
    // The next options exclude it.
    const next = await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys/options', {});
    expect(next.body.options.excludeCredentials.map((c: { id: string }) => c.id)).toHaveLength(1);
  });

  it('refuses an answer to a challenge already spent, issued to another session, or for another origin', async () => {
    const { userId, who } = await person();
    const key = softAuthenticator();
    const { body } = await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys/options', {});
    const response = key.register({ challenge: body.options.challenge, ...rp() });
    expect((await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys', { response })).status).toBe(201);
    const replay = await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys', { response });
    expect([replay.status, replay.body.error.code]).toEqual([400, 'passkey_registration_failed']);

    const other = await world.signInDirectly(userId);
    const mine = await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys/options', {});
    const elsewhere = await requestAs(world.server, other, 'POST', '/api/me/second-factors/passkeys', {
      response: softAuthenticator().register({ challenge: mine.body.options.challenge, ...rp() }),
    });
    expect(elsewhere.body.error.code).toBe('passkey_registration_failed');

    const fresh = await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys/options', {});
    const phishing = await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys', {
      response: softAuthenticator().register({ challenge: fresh.body.options.challenge, rpId: 'evil.example', origin: 'https://evil.example' }),
    });
    expect(phishing.body.error.code).toBe('passkey_registration_failed');
    const bad = await requestAs(world.server, who, 'POST', '/api/me/second-factors/passkeys', { response: { id: 'x' } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
  });
});

describe('signing in with password and passkey', () => {
  it('opens the session with an assertion, updates the counter, and refuses the same assertion again', async () => {
    const { email, who } = await person();
    const { key } = await addPasskey(who);
    const first = await passwordStep(world, email);
    expect(first.body.secondFactor.methods).toEqual(['passkey', 'recovery']);
    const pendingToken = first.body.secondFactor.pendingToken;
    const options = await passkeyOptions(pendingToken);
    expect(options.rpId).toBe('127.0.0.1');
    expect(options.allowCredentials).toEqual([{ id: key.credentialId, type: 'public-key', transports: ['internal'] }]);
    const assertion = key.assert({ challenge: options.challenge, ...rp() });
    const done = await secondStep(world, { method: 'passkey', pendingToken, response: assertion });
    expect(done.status).toBe(200);
    expect(sessionCookieFrom(done)).not.toBeNull();
    const stored = await world.pool.query('SELECT counter::int AS counter, last_used_at FROM webauthn_credentials WHERE credential_id = $1', [
      key.credentialId,
    ]);
    expect(stored.rows[0].counter).toBe(key.counter);
    expect(stored.rows[0].last_used_at).not.toBeNull();

    const again = await passwordStep(world, email);
    const replay = await secondStep(world, { method: 'passkey', pendingToken: again.body.secondFactor.pendingToken, response: assertion });
    expect([replay.status, replay.body.error.code, sessionCookieFrom(replay)]).toEqual([401, 'second_factor_invalid', null]);
  });

  it('refuses an assertion by someone else’s passkey, or one made for another pending sign-in', async () => {
    const alice = await person();
    const bob = await person();
    const { key: aliceKey } = await addPasskey(alice.who);
    const { key: bobKey } = await addPasskey(bob.who);
    const pendingA = (await passwordStep(world, alice.email)).body.secondFactor.pendingToken;
    const pendingB = (await passwordStep(world, bob.email)).body.secondFactor.pendingToken;
    const optionsA = await passkeyOptions(pendingA);
    const wrongKey = await secondStep(world, {
      method: 'passkey',
      pendingToken: pendingA,
      response: bobKey.assert({ challenge: optionsA.challenge, ...rp() }),
    });
    expect(wrongKey.body.error.code).toBe('second_factor_invalid');
    const optionsB = await passkeyOptions(pendingB);
    const crossed = await secondStep(world, {
      method: 'passkey',
      pendingToken: pendingA,
      response: aliceKey.assert({ challenge: optionsB.challenge, ...rp() }),
    });
    expect(crossed.body.error.code).toBe('second_factor_invalid');
    // A fresh challenge still works: failures spend challenges, not the pending sign-in.
    const fresh = await passkeyOptions(pendingA);
    expect(
      (await secondStep(world, { method: 'passkey', pendingToken: pendingA, response: aliceKey.assert({ challenge: fresh.challenge, ...rp() }) })).status,
    ).toBe(200);
    const unknown = await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/second-factor/passkey-options', { pendingToken: 'x'.repeat(43) });
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'sign_in_pending_invalid']);
  });

  it('removes a passkey only with the password or a current factor, and only one’s own', async () => {
    const { email, who } = await person();
    const other = await person();
    const { answer } = await addPasskey(who);
    const passkeyId = answer.body.factors.passkeys[0].id;
    const foreign = await requestAs(world.server, other.who, 'DELETE', `/api/me/second-factors/passkeys/${passkeyId}`, { password: PASSWORD });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'not_found']);
    const wrong = await requestAs(world.server, who, 'DELETE', `/api/me/second-factors/passkeys/${passkeyId}`, { password: 'nope' });
    expect(wrong.body.error.code).toBe('second_factor_reauthentication_failed');
    const withCode = await requestAs(world.server, who, 'DELETE', `/api/me/second-factors/passkeys/${passkeyId}`, { code: answer.body.recoveryCodes[0] });
    expect([withCode.status, withCode.body.enabled, withCode.body.recoveryCodesLeft]).toEqual([200, false, 0]);
    expect((await passwordStep(world, email)).body.user.email).toBe(email);
  });
});
