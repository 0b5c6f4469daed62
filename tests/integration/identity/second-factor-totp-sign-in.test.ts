/**
 * A second factor after the password (issue 21, "A second factor"): an authenticator app (TOTP) set up
 * with a first code, asked for after the password, throttled like the password; a used code refused;
 * recovery codes spent once; removing a factor needs the password or a current factor.
 */
import { startWorld, insertUser, PASSWORD, type World } from './support/world';
import { requestAs, sessionCookieFrom, type Credentials } from '../../utils/people';
import { enableTotp, lastAcceptedCode, passwordStep, secondStep, totpCode } from './support/second-factor';
import { insertInvitation } from './support/route-cases';

let world: World;
beforeAll(async () => {
  world = await startWorld({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '5', TRUST_PROXY: '1', IDENTITY_SECRET_KEY: 'a'.repeat(64) });
});
afterAll(() => world.stop());
beforeEach(() => world.pool.query('DELETE FROM login_throttles'));

let n = 0;
/** A fresh account with a session of its own, so each test starts with no history. */
async function person(lang: 'en' | 'es' = 'en'): Promise<{ email: string; userId: string; who: Credentials }> {
  const email = `factor-${++n}@identity.test`;
  const userId = await insertUser(world.pool, email, { lang });
  return { email, userId, who: await world.signInDirectly(userId) };
}

describe('setting up an authenticator app', () => {
  it('shows the secret in groups with an otpauth link, keeps it sealed, and counts only once a first code confirms it', async () => {
    const { email, userId, who } = await person();
    const setup = await requestAs(world.server, who, 'POST', '/api/me/second-factors/totp', {});
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.secretGroups.join('')).toBe(setup.body.secret);
    expect(setup.body.secretGroups[0]).toHaveLength(4);
    expect(setup.body.uri).toBe(
      `otpauth://totp/Concordia:${encodeURIComponent(email)}?secret=${setup.body.secret}&period=30&digits=6&algorithm=SHA1&issuer=Concordia`,
    );
    const stored = await world.pool.query('SELECT secret_sealed FROM totp_factors WHERE user_id = $1', [userId]);
    expect(stored.rows[0].secret_sealed).toMatch(/^v1:/);
    expect(stored.rows[0].secret_sealed).not.toContain(setup.body.secret);

    // Not confirmed yet: the password alone still signs in.
    expect((await passwordStep(world, email)).body.user.email).toBe(email);
    const wrong = await requestAs(world.server, who, 'POST', '/api/me/second-factors/totp/confirm', {
      code: '000000' === totpCode(setup.body.secret) ? '111111' : '000000',
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'second_factor_invalid']);
    const confirmed = await requestAs(world.server, who, 'POST', '/api/me/second-factors/totp/confirm', { code: totpCode(setup.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(confirmed.body.recoveryCodes[0]).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(confirmed.body.factors).toMatchObject({ enabled: true, recoveryCodesLeft: 10, passkeys: [] });
    const hashes = await world.pool.query('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [userId]);
    expect(hashes.rows.map((r) => r.code_hash)).not.toContain(confirmed.body.recoveryCodes[0]);

    const again = await requestAs(world.server, who, 'POST', '/api/me/second-factors/totp', {});
    expect([again.status, again.body.error.code]).toEqual([409, 'second_factor_already_set']);
  });

  it('refuses a code that is not six digits with a translated validation error, and a confirmation with nothing set up', async () => {
    const { who } = await person('es');
    const bad = await requestAs(world.server, { ...who, lang: 'es' }, 'POST', '/api/me/second-factors/totp/confirm', { code: 'abc' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    const none = await requestAs(world.server, { ...who, lang: 'es' }, 'POST', '/api/me/second-factors/totp/confirm', { code: '123456' });
    expect([none.status, none.body.error.code]).toEqual([409, 'second_factor_setup_missing']);
    expect(none.body.error.message).toContain('configuración');
  });

  it('is refused to nobody signed in', async () => {
    const answer = await requestAs(world.server, world.as.anonymous, 'POST', '/api/me/second-factors/totp', {});
    expect(answer.status).toBe(401);
  });
});

describe('signing in with password and code', () => {
  it('answers the right password with a pending sign-in and no session, then opens the session with a computed code', async () => {
    const { email, who } = await person();
    const { secret } = await enableTotp(world, who);
    const first = await passwordStep(world, email);
    expect(first.status).toBe(200);
    expect(first.body.user).toBeUndefined();
    expect(first.body.secondFactor.methods).toEqual(['totp', 'recovery']);
    expect(sessionCookieFrom(first)).toBeNull();
    expect(first.headers.get('set-cookie')).toBeNull();

    const done = await secondStep(world, { method: 'totp', pendingToken: first.body.secondFactor.pendingToken, code: totpCode(secret, 1) });
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe(email);
    const cookie = sessionCookieFrom(done);
    expect(cookie).not.toBeNull();
    expect(done.headers.get('set-cookie')).toMatch(/concordia_device=/);
    expect((await requestAs(world.server, { cookie, csrfToken: null }, 'GET', '/api/me')).body.user.email).toBe(email);

    const audit = await world.pool.query(`SELECT action FROM audit_events WHERE subject->>'userId' = $1 AND action LIKE 'second_factor.%' ORDER BY id`, [
      done.body.user.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['second_factor.added', 'second_factor.succeeded']);
  });

  it('gives no session for the password step alone, and none for a pending sign-in that expired or was already used', async () => {
    const { email, who } = await person();
    const { secret } = await enableTotp(world, who);
    const first = await passwordStep(world, email);
    const pendingToken = first.body.secondFactor.pendingToken;
    // The pending token is no session cookie.
    expect((await requestAs(world.server, { cookie: `concordia_session=${pendingToken}`, csrfToken: null }, 'GET', '/api/me')).status).toBe(401);
    const done = await secondStep(world, { method: 'totp', pendingToken, code: totpCode(secret, 1) });
    expect(done.status).toBe(200);
    const replay = await secondStep(world, { method: 'totp', pendingToken, code: totpCode(secret, -1) });
    expect([replay.status, replay.body.error.code, sessionCookieFrom(replay)]).toEqual([401, 'sign_in_pending_invalid', null]);

    const later = await passwordStep(world, email);
    await world.pool.query(`UPDATE pending_sign_ins SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    const expired = await secondStep(world, { method: 'totp', pendingToken: later.body.secondFactor.pendingToken, code: totpCode(secret, -1) });
    expect([expired.status, expired.body.error.code]).toEqual([401, 'sign_in_pending_invalid']);
  });

  it('refuses a wrong code, and a code of a step already used, in the person’s language', async () => {
    const { email, userId, who } = await person('es');
    const { secret } = await enableTotp(world, who);
    const pendingToken = (await passwordStep(world, email)).body.secondFactor.pendingToken;
    const right = await lastAcceptedCode(world, userId, secret);
    const wrong = await secondStep(world, { method: 'totp', pendingToken, code: right === '123456' ? '654321' : '123456' }, { 'accept-language': 'es' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'second_factor_invalid']);
    expect(wrong.body.error.message).toContain('aplicación de autenticación');
    // The confirmation used this code already.
    const reused = await secondStep(world, { method: 'totp', pendingToken, code: right }, { 'accept-language': 'es' });
    expect([reused.status, reused.body.error.code, sessionCookieFrom(reused)]).toEqual([401, 'second_factor_code_used', null]);
    expect(reused.body.error.message).toContain('ya se utilizó');
    const next = await secondStep(world, { method: 'totp', pendingToken, code: totpCode(secret, 1) });
    expect(next.status).toBe(200);
    const twice = await secondStep(world, {
      method: 'totp',
      pendingToken: (await passwordStep(world, email)).body.secondFactor.pendingToken,
      code: await lastAcceptedCode(world, userId, secret),
    });
    expect(twice.body.error.code).toBe('second_factor_code_used');
    const failures = await world.pool.query(
      `SELECT subject->>'reason' AS reason FROM audit_events WHERE action = 'second_factor.failed' AND subject->>'userId' = $1 ORDER BY id`,
      [next.body.user.id],
    );
    expect(failures.rows.map((r) => r.reason)).toEqual(['invalid', 'reused', 'reused']);
  });

  it('counts wrong codes with the password attempts of the same account and address, then makes even the right code wait', async () => {
    const { email, who } = await person();
    const { secret } = await enableTotp(world, who);
    const from = { 'x-forwarded-for': '198.51.100.21' };
    const pendingToken = (await passwordStep(world, email, PASSWORD, from)).body.secondFactor.pendingToken;
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await secondStep(world, { method: 'totp', pendingToken, code: '000000' }, from)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const held = await secondStep(world, { method: 'totp', pendingToken, code: totpCode(secret, 1) }, from);
    expect([held.status, held.body.error.code, sessionCookieFrom(held)]).toEqual([429, 'too_many_attempts', null]);
    // The password step of the same pair waits too: a new pending sign-in is no way around it.
    expect((await passwordStep(world, email, PASSWORD, from)).status).toBe(429);
  });

  it('forgives the pair once the factor is right, as a password sign-in does', async () => {
    const { email, who } = await person();
    const { secret } = await enableTotp(world, who);
    const from = { 'x-forwarded-for': '198.51.100.22' };
    const pendingToken = (await passwordStep(world, email, PASSWORD, from)).body.secondFactor.pendingToken;
    await secondStep(world, { method: 'totp', pendingToken, code: '000000' }, from);
    expect((await secondStep(world, { method: 'totp', pendingToken, code: totpCode(secret, 1) }, from)).status).toBe(200);
    const { rows } = await world.pool.query(`SELECT 1 FROM login_throttles WHERE key = $1`, [`pair:${email}|198.51.100.22`]);
    expect(rows).toHaveLength(0);
  });
});

describe('recovery codes', () => {
  it('signs in with a recovery code once; the same code is refused the next time', async () => {
    const { email, who } = await person();
    const { recoveryCodes } = await enableTotp(world, who);
    const code = recoveryCodes[3].toLowerCase().replace(/-/g, ' ');
    const first = await secondStep(world, { method: 'recovery', pendingToken: (await passwordStep(world, email)).body.secondFactor.pendingToken, code });
    expect(first.status).toBe(200);
    const second = await secondStep(world, { method: 'recovery', pendingToken: (await passwordStep(world, email)).body.secondFactor.pendingToken, code });
    expect([second.status, second.body.error.code]).toEqual([401, 'second_factor_invalid']);
    const factors = await requestAs(world.server, who, 'GET', '/api/me/second-factors');
    expect(factors.body.recoveryCodesLeft).toBe(9);
  });

  it('renews the ten codes with the password: the old ones stop working', async () => {
    const { email, who } = await person();
    const { recoveryCodes } = await enableTotp(world, who);
    const refused = await requestAs(world.server, who, 'POST', '/api/me/second-factors/recovery-codes', { password: 'not it' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'second_factor_reauthentication_failed']);
    const renewed = await requestAs(world.server, who, 'POST', '/api/me/second-factors/recovery-codes', { password: PASSWORD });
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    const old = await secondStep(world, {
      method: 'recovery',
      pendingToken: (await passwordStep(world, email)).body.secondFactor.pendingToken,
      code: recoveryCodes[0],
    });
    expect(old.body.error.code).toBe('second_factor_invalid');
    const fresh = await secondStep(world, {
      method: 'recovery',
      pendingToken: (await passwordStep(world, email)).body.secondFactor.pendingToken,
      code: renewed.body.recoveryCodes[0],
    });
    expect(fresh.status).toBe(200);
  });
});

describe('removing the authenticator app', () => {
  it('needs the password or a current code; without the factor, the password alone signs in again', async () => {
    const { email, userId, who } = await person();
    const { secret } = await enableTotp(world, who);
    const nothing = await requestAs(world.server, who, 'DELETE', '/api/me/second-factors/totp', {});
    expect([nothing.status, nothing.body.error.code]).toEqual([400, 'validation_failed']);
    const wrongPassword = await requestAs(world.server, who, 'DELETE', '/api/me/second-factors/totp', { password: 'wrong password' });
    expect([wrongPassword.status, wrongPassword.body.error.code]).toEqual([403, 'second_factor_reauthentication_failed']);
    const usedCode = await requestAs(world.server, who, 'DELETE', '/api/me/second-factors/totp', { code: await lastAcceptedCode(world, userId, secret) });
    expect(usedCode.body.error.code).toBe('second_factor_reauthentication_failed');
    const removed = await requestAs(world.server, who, 'DELETE', '/api/me/second-factors/totp', { code: totpCode(secret, 1) });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ totp: null, passkeys: [], recoveryCodesLeft: 0, enabled: false });
    expect((await passwordStep(world, email)).body.user.email).toBe(email);
  });

  it('removes it with the password too', async () => {
    const { who } = await person();
    await enableTotp(world, who);
    const removed = await requestAs(world.server, who, 'DELETE', '/api/me/second-factors/totp', { password: PASSWORD });
    expect([removed.status, removed.body.enabled]).toEqual([200, false]);
  });
});

describe('accepting an invitation with an account that has a second factor', () => {
  it('joins the negotiation but opens the session only with the factor', async () => {
    const { email, userId, who } = await person();
    const { secret } = await enableTotp(world, who);
    const invitation = await insertInvitation(world, { email });
    const accepted = await requestAs(world.server, world.as.anonymous, 'POST', `/api/invitations/${invitation.token}/accept`, {
      displayName: 'Ignored',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect([accepted.body.documentId, accepted.body.user, sessionCookieFrom(accepted)]).toEqual([world.documentId, undefined, null]);
    const member = await world.pool.query('SELECT role FROM memberships WHERE document_id = $1 AND user_id = $2', [world.documentId, userId]);
    expect(member.rows).toEqual([{ role: 'observer' }]);
    const done = await secondStep(world, { method: 'totp', pendingToken: accepted.body.secondFactor.pendingToken, code: totpCode(secret, 1) });
    expect([done.status, done.body.user.email]).toEqual([200, email]);
  });
});
