/**
 * Password rules (NIST SP 800-63B, issue 21) on every path that sets a password: accepting an
 * invitation, creating an account (command and command line), changing one's password, using a reset
 * link. Each refusal names its reason with a stable code and a translated sentence; a password that
 * exists keeps working whatever its length.
 */
import { PassThrough, Readable } from 'node:stream';
import { startWorld, PASSWORD, type World } from './support/world';
import { insertInvitation, insertPasswordReset } from './support/route-cases';
import { requestAs } from '../../utils/people';
import { createAccountWithOldPassword } from '../../utils/factories';
import { createUser } from '../../../server/src/commands/users';
import { runUserCreate } from '../../../server/src/cli/user-create-command';
import { AppError } from '../../../server/src/http/errors';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

/** A password for each rule, for a person called Lucía Guatemala whose email is lucia.guatemala@…; the code each must get. */
const REFUSED: Array<{ label: string; password: string; code: string }> = [
  { label: '“short pass” (10 characters)', password: 'short pass', code: 'password_too_short' },
  { label: '257 characters', password: 'x'.repeat(257), code: 'password_too_long' },
  { label: '“password1234”', password: 'password1234', code: 'password_too_common' },
  { label: '“qwertyuiop123”', password: 'qwertyuiop123', code: 'password_too_common' },
  { label: '“lucia.guatemala-2026”', password: 'lucia.guatemala-2026', code: 'password_contains_personal' },
  { label: '“my name is Lucía Guatemala”', password: 'my name is Lucía Guatemala', code: 'password_contains_personal' },
];
const GOOD = 'orchard lantern velvet';

describe('a new password', () => {
  it.each(REFUSED)('is refused when an invitation is accepted: $label → $code, with a sentence in Spanish', async ({ password, code }) => {
    const invitation = await insertInvitation(world, { email: `lucia.guatemala.${Math.random().toString(36).slice(2, 8)}@identity.test` });
    const answer = await requestAs(world.server, { ...world.as.anonymous, lang: 'es' }, 'POST', `/api/invitations/${invitation.token}/accept`, {
      displayName: 'Lucía Guatemala',
      password,
    });
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 400, code });
    expect(answer.body.error.message).toMatch(/contraseña/);
    // The invitation is still good: a refused password spends nothing.
    expect((await requestAs(world.server, world.as.anonymous, 'GET', `/api/invitations/${invitation.token}`)).status).toBe(200);
  });

  it('is accepted when it follows the rules, and the invitation then signs the person in', async () => {
    const invitation = await insertInvitation(world, { email: 'lucia.guatemala@identity.test' });
    const answer = await requestAs(world.server, world.as.anonymous, 'POST', `/api/invitations/${invitation.token}/accept`, {
      displayName: 'Lucía Guatemala',
      password: GOOD,
    });
    expect(answer.status).toBe(200);
  });

  it.each(REFUSED)('is refused when changed: $label → $code', async ({ password, code }) => {
    const userId = (
      await world.pool.query(
        `INSERT INTO users (email, display_name, password_hash) SELECT 'lucia.guatemala.' || gen_random_uuid() || '@identity.test', 'Lucía Guatemala', password_hash FROM users WHERE id = $1 RETURNING id`,
        [world.users.observer.id],
      )
    ).rows[0].id;
    const me = await world.signInDirectly(userId);
    const answer = await requestAs(world.server, me, 'POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: password });
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 400, code });
    expect(answer.body.error.message.length).toBeGreaterThan(20);
  });

  it.each(REFUSED)('is refused with a reset link, which stays good: $label → $code', async ({ password, code }) => {
    const userId = (
      await world.pool.query(
        `INSERT INTO users (email, display_name) VALUES ('lucia.guatemala.' || gen_random_uuid() || '@identity.test', 'Lucía Guatemala') RETURNING id`,
      )
    ).rows[0].id;
    const token = await insertPasswordReset(world, { userId });
    const answer = await requestAs(world.server, world.as.anonymous, 'POST', `/api/password-resets/${token}`, { password });
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 400, code });
    expect((await requestAs(world.server, world.as.anonymous, 'GET', `/api/password-resets/${token}`)).status).toBe(200);
  });

  it.each(REFUSED)('is refused when an account is created: $label → $code', async ({ password, code }) => {
    const email = `lucia.guatemala.${Math.random().toString(36).slice(2, 8)}@identity.test`;
    await expect(createUser({ pool: world.pool }, { email, displayName: 'Lucía Guatemala', password, isAdmin: false })).rejects.toEqual(
      new AppError(code as never),
    );
    expect((await world.pool.query('SELECT 1 FROM users WHERE email = $1', [email])).rowCount).toBe(0);
  });

  it('is refused by npm run user:create with the reason, before the database is opened', async () => {
    for (const [password, sentence] of [
      ['short', /at least 12 characters/],
      ['password1234', /too common/],
      ['lucia.guatemala-2026', /your email address or your name/],
    ] as const) {
      const stderr = new PassThrough();
      let err = '';
      stderr.on('data', (d) => (err += d));
      let opened = false;
      const code = await runUserCreate(
        ['--email', 'lucia.guatemala@cli.test', '--name', 'Lucía Guatemala'],
        { stdin: Readable.from([`${password}\n`]), stdout: new PassThrough(), stderr },
        async () => {
          opened = true;
          return world.pool;
        },
      );
      expect({ code, opened, err }).toEqual({ code: 1, opened: false, err: expect.stringMatching(sentence) });
    }
  });
});

describe('an existing password', () => {
  it('keeps signing in although it is shorter than the rules ask', async () => {
    await createAccountWithOldPassword(world.pool, { email: 'old.account@identity.test', displayName: 'Old Account', password: 'demo' });
    const answer = await requestAs(world.server, world.as.anonymous, 'POST', '/api/auth/login', { email: 'old.account@identity.test', password: 'demo' });
    expect(answer.status).toBe(200);
  });
});
