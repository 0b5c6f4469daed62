/**
 * Password reset links (issue 21): the secretariat sends one to a member of its negotiation who is not
 * an administrator, an administrator to anyone (policy rule [P9]). The link is stored as a hash, works
 * once, expires after 24 hours, ends every session of the person, and is mailed in their language.
 */
import { startWorld, insertMembership, insertUser, PASSWORD, type World } from './support/world';
import { requestAs, type Credentials } from '../../utils/people';
import { tokenHash } from '../../../server/src/auth/tokens';
import { fakeSmtp } from '../../utils/fake-smtp';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const NEW_PASSWORD = 'orchard lantern velvet';
const resetFor = (userId: string, who: Credentials = world.as.secretariat, documentId = world.documentId) =>
  requestAs(world.server, who, 'POST', `/api/documents/${documentId}/password-resets`, { userId });
const tokenOf = (url: string) => url.replace('/reset-password/', '');
const status = async (who: Credentials) => (await requestAs(world.server, who, 'GET', '/api/me')).status;

async function member(name: string, options: { admin?: boolean } = {}): Promise<string> {
  const userId = await insertUser(world.pool, `${name}-${Date.now().toString(36)}@identity.test`, { name, admin: options.admin });
  await insertMembership(world.pool, world.documentId, userId, 'observer', null);
  return userId;
}

describe('a password reset link', () => {
  it('is sent by the secretariat to a member, stored only as a hash, and recorded', async () => {
    const userId = await member('forgetful');
    const answer = await resetFor(userId);
    expect(answer.status).toBe(201);
    expect(answer.body.reset).toMatchObject({ mailed: false, url: expect.stringMatching(/^\/reset-password\/[A-Za-z0-9_-]{43}$/) });
    const stored = await world.pool.query('SELECT token_hash, requested_by, expires_at - created_at AS ttl FROM password_resets WHERE user_id = $1', [userId]);
    expect(stored.rows[0]).toMatchObject({ token_hash: tokenHash(tokenOf(answer.body.reset.url)), requested_by: world.users.secretariat.id });
    const audit = await world.pool.query(
      `SELECT actor_user_id, subject FROM audit_events WHERE action = 'password.reset_requested' AND subject->>'userId' = $1`,
      [userId],
    );
    expect(audit.rows[0]).toMatchObject({ actor_user_id: world.users.secretariat.id, subject: { userId, documentId: world.documentId } });
  });

  it('works once: it ends every session of the person, the new password signs in, and a second use is refused', async () => {
    const userId = await member('locked-out');
    const email = (await world.pool.query('SELECT email FROM users WHERE id = $1', [userId])).rows[0].email;
    const sessions = [await world.signInDirectly(userId), await world.signInDirectly(userId)];
    const token = tokenOf((await resetFor(userId)).body.reset.url);

    const preview = await requestAs(world.server, world.as.anonymous, 'GET', `/api/password-resets/${token}`);
    expect(preview.body.reset).toMatchObject({ email, displayName: 'locked-out' });
    const used = await requestAs(world.server, world.as.anonymous, 'POST', `/api/password-resets/${token}`, { password: NEW_PASSWORD });
    expect(used.status).toBe(204);
    for (const session of sessions) expect(await status(session)).toBe(401);
    expect((await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect((await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email, password: NEW_PASSWORD })).status).toBe(200);

    const again = await requestAs(world.server, world.as.anonymous, 'POST', `/api/password-resets/${token}`, { password: 'another fine passphrase' });
    expect({ status: again.status, code: again.body.error?.code }).toEqual({ status: 404, code: 'password_reset_invalid' });
    expect((await requestAs(world.server, world.as.anonymous, 'GET', `/api/password-resets/${token}`)).status).toBe(404);
    const audit = await world.pool.query(`SELECT subject FROM audit_events WHERE action = 'password.reset_used' AND subject->>'userId' = $1`, [userId]);
    expect(audit.rows[0].subject).toMatchObject({ userId, sessionsEnded: 2 });
  });

  it('is refused when used twice at once: one wins', async () => {
    const userId = await member('double');
    const token = tokenOf((await resetFor(userId)).body.reset.url);
    const answers = await Promise.all(
      ['first passphrase of mine', 'second passphrase of mine'].map((password) =>
        requestAs(world.server, world.as.anonymous, 'POST', `/api/password-resets/${token}`, { password }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([204, 404]);
  });

  it('expires, and a newer link replaces an older one', async () => {
    const userId = await member('slow');
    const first = tokenOf((await resetFor(userId)).body.reset.url);
    const second = tokenOf((await resetFor(userId)).body.reset.url);
    expect((await requestAs(world.server, world.as.anonymous, 'POST', `/api/password-resets/${first}`, { password: NEW_PASSWORD })).body.error.code).toBe(
      'password_reset_invalid',
    );
    await world.pool.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [tokenHash(second)]);
    const expired = await requestAs(world.server, { ...world.as.anonymous, lang: 'es' }, 'POST', `/api/password-resets/${second}`, { password: NEW_PASSWORD });
    expect({ status: expired.status, code: expired.body.error?.code }).toEqual({ status: 404, code: 'password_reset_invalid' });
    expect(expired.body.error.message).toMatch(/enlace/);
  });
});

describe('who may send a reset link', () => {
  it('the secretariat may not for an administrator, even one who is a member', async () => {
    const adminMember = await member('chief', { admin: true });
    const answer = await resetFor(adminMember);
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 403, code: 'forbidden' });
    expect((await world.pool.query('SELECT 1 FROM password_resets WHERE user_id = $1', [adminMember])).rowCount).toBe(0);
    const denial = await world.pool.query(`SELECT subject FROM audit_events WHERE action = 'authorization.denied' ORDER BY id DESC LIMIT 1`);
    expect(denial.rows[0].subject).toMatchObject({ action: 'user.reset_password', reason: 'person_is_admin' });
  });

  it('the secretariat may not for a stranger to its negotiation, nor through the administrators’ route', async () => {
    const stranger = await resetFor(world.users.nonMember.id);
    expect({ status: stranger.status, code: stranger.body.error?.code }).toEqual({ status: 404, code: 'no_such_user' });
    const direct = await requestAs(world.server, world.as.secretariat, 'POST', `/api/users/${world.users.nonMember.id}/password-reset`, {});
    expect(direct.status).toBe(403);
    expect((await world.pool.query('SELECT 1 FROM password_resets WHERE user_id = $1', [world.users.nonMember.id])).rowCount).toBe(0);
  });

  it('delegates, reviewers and observers may not; the secretariat of another negotiation is not told who is here', async () => {
    const userId = await member('target');
    for (const who of [world.as.delegateP, world.as.reviewer, world.as.observer]) expect((await resetFor(userId, who)).status).toBe(403);
    // nonMember is the secretariat of the other negotiation: this one is not theirs to see.
    expect((await resetFor(userId, world.as.nonMember)).status).toBe(404);
    expect((await resetFor(userId, world.as.nonMember, world.otherDocumentId)).body.error.code).toBe('no_such_user');
  });

  it('an administrator may for anyone, member of a negotiation or not, administrators included', async () => {
    const loner = await insertUser(world.pool, `loner-${Date.now().toString(36)}@identity.test`, { admin: true });
    const answer = await requestAs(world.server, world.as.admin, 'POST', `/api/users/${loner}/password-reset`, {});
    expect(answer.status).toBe(201);
    expect((await requestAs(world.server, world.as.admin, 'POST', `/api/users/00000000-0000-4000-8000-000000000000/password-reset`, {})).body.error.code).toBe(
      'no_such_user',
    );
    expect((await resetFor(await member('admins-member', { admin: true }), world.as.admin)).status).toBe(201);
  });
});

describe('a mailed reset link', () => {
  it('goes to the person in their own language, and is not shown to the sender', async () => {
    const smtp = await fakeSmtp();
    const mailing = await startWorld({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL: 'https://concordia.example',
      SMTP_FROM: 'Concordia <noreply@concordia.example>',
    });
    try {
      const userId = await insertUser(mailing.pool, 'hablante@identity.test', { name: 'Hablante', lang: 'es' });
      await insertMembership(mailing.pool, mailing.documentId, userId, 'observer', null);
      const answer = await requestAs(mailing.server, mailing.as.secretariat, 'POST', `/api/documents/${mailing.documentId}/password-resets`, { userId });
      expect(answer.body.reset).toMatchObject({ mailed: true, url: null });
      expect(smtp.messages).toHaveLength(1);
      const message = smtp.messages[0].replace(/=\r?\n/g, '');
      expect(message).toContain('To: hablante@identity.test');
      expect(message).toMatch(/Subject: =\?UTF-8\?Q\?Elija_una_contrase=C3=B1a_nueva/);
      expect(message).toMatch(/secretariat le envi=C3=B3 un enlace para elegir una contrase=C3=B1a nueva/);
      expect(message).toMatch(/https:\/\/concordia\.example\/reset-password\/[A-Za-z0-9_-]{43}/);
    } finally {
      await mailing.stop();
      await smtp.close();
    }
  });
});
