/**
 * Valid requests for the second-factor routes (issue 21), for the REST authorization matrix
 * (route-cases.ts spreads them into PREPARED). Each cell sets up what it needs for that person alone —
 * an authenticator being set up, a confirmed one, a passkey, a pending sign-in — so cells never depend
 * on one another's order.
 */
import crypto from 'node:crypto';
import { authenticator } from 'otplib';
import { tokenHash } from '../../../../server/src/auth/tokens';
import { normalizeRecoveryCode } from '../../../../server/src/auth/second-factors/recovery-codes';
import { softAuthenticator } from '../../../utils/soft-authenticator';
import { insertUser, PASSWORD, type Person, type World } from './world';
import type { Prepare } from './route-cases';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}${crypto.randomBytes(2).toString('hex')}`;
/** Nobody has no account: their cells are refused before anything is looked at, so any account will do. */
const userOf = (world: World, person: Person) => (person === 'anonymous' || person === 'expired' ? world.users.delegateP.id : world.users[person].id);

/** An authenticator for the person: being set up (`confirmed` false) or confirmed, with a known secret (kept plain: the world has no key). */
async function withTotp(world: World, userId: string, confirmed: boolean): Promise<string> {
  const secret = authenticator.generateSecret(20);
  await world.pool.query('DELETE FROM totp_factors WHERE user_id = $1', [userId]);
  await world.pool.query(`INSERT INTO totp_factors (user_id, secret_sealed, confirmed_at) VALUES ($1, $2, CASE WHEN $3 THEN now() END)`, [
    userId,
    `plain:${secret}`,
    confirmed,
  ]);
  return secret;
}

/** A throwaway account whose password was right: a pending sign-in and one recovery code to finish it with. */
async function pendingSignIn(world: World): Promise<{ pendingToken: string; code: string }> {
  const email = `pending-${unique()}@identity.test`;
  const userId = await insertUser(world.pool, email);
  const pendingToken = crypto.randomBytes(32).toString('base64url');
  const code = 'ABCD-EFGH-JKLM-NPQR';
  await world.pool.query(
    `INSERT INTO pending_sign_ins (token_hash, user_id, email, ip, expires_at) VALUES ($1, $2, $3, '127.0.0.1', now() + interval '5 minutes')`,
    [tokenHash(pendingToken), userId, email],
  );
  await world.pool.query('INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)', [
    userId,
    crypto.createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex'),
  ]);
  return { pendingToken, code };
}

export const SECOND_FACTOR_PREPARED: Record<string, Prepare> = {
  'GET /api/me/second-factors': async () => ({ path: '/api/me/second-factors' }),
  'POST /api/me/second-factors/totp': async (world, person) => {
    await world.pool.query('DELETE FROM totp_factors WHERE user_id = $1', [userOf(world, person)]);
    return { path: '/api/me/second-factors/totp', body: {} };
  },
  'POST /api/me/second-factors/totp/confirm': async (world, person) => ({
    path: '/api/me/second-factors/totp/confirm',
    body: { code: authenticator.generate(await withTotp(world, userOf(world, person), false)) },
  }),
  'DELETE /api/me/second-factors/totp': async (world, person) => {
    await withTotp(world, userOf(world, person), true);
    return { path: '/api/me/second-factors/totp', body: { password: PASSWORD } };
  },
  'POST /api/me/second-factors/recovery-codes': async (world, person) => {
    await withTotp(world, userOf(world, person), true);
    return { path: '/api/me/second-factors/recovery-codes', body: { password: PASSWORD } };
  },
  'POST /api/me/second-factors/passkeys/options': async () => ({ path: '/api/me/second-factors/passkeys/options', body: {} }),
  // A challenge as the options route keeps it, for the session the cell just opened (the person's newest).
  'POST /api/me/second-factors/passkeys': async (world, person) => {
    const userId = userOf(world, person);
    const { rows } = await world.pool.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [userId]);
    const challenge = crypto.randomBytes(32).toString('base64url');
    await world.pool.query(
      `INSERT INTO webauthn_challenges (challenge, user_id, purpose, bound_to, expires_at) VALUES ($1, $2, 'registration', $3, now() + interval '5 minutes')`,
      [challenge, userId, rows[0]?.id ?? 'none'],
    );
    const response = softAuthenticator().register({ challenge, rpId: new URL(world.origin).hostname, origin: world.origin });
    return { path: '/api/me/second-factors/passkeys', body: { response } };
  },
  'DELETE /api/me/second-factors/passkeys/:passkeyId': async (world, person) => {
    const { rows } = await world.pool.query<{ id: string }>(
      `INSERT INTO webauthn_credentials (user_id, credential_id, public_key, device_type, label) VALUES ($1, $2, '\\x00', 'singleDevice', 'Key') RETURNING id`,
      [userOf(world, person), crypto.randomBytes(16).toString('base64url')],
    );
    return { path: `/api/me/second-factors/passkeys/${rows[0].id}`, body: { password: PASSWORD } };
  },
  'POST /api/auth/second-factor/passkey-options': async (world) => ({
    path: '/api/auth/second-factor/passkey-options',
    body: { pendingToken: (await pendingSignIn(world)).pendingToken },
  }),
  'POST /api/auth/second-factor': async (world) => {
    const { pendingToken, code } = await pendingSignIn(world);
    return { path: '/api/auth/second-factor', body: { method: 'recovery', pendingToken, code } };
  },
  'GET /api/documents/:documentId/second-factor-requirement': async (world) => ({ path: `/api/documents/${world.documentId}/second-factor-requirement` }),
  // Not requiring one: requiring it would need the caller's own factor and lock the world's people out.
  'PUT /api/documents/:documentId/second-factor-requirement': async (world) => ({
    path: `/api/documents/${world.documentId}/second-factor-requirement`,
    body: { required: false },
  }),
};
