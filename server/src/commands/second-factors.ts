/**
 * A person's own second factors: set up an authenticator app (confirmed by a first code), add a passkey,
 * remove either (with the password or a current factor), renew the recovery codes. The first factor
 * added comes with ten recovery codes; removing the last one removes them too.
 */
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { reserveLoginAttempt, forgiveLoginAttempt } from '../auth/login-throttle';
import { verifyPassword } from '../auth/passwords';
import { secretBox } from '../auth/secret-box';
import type { SessionUser } from '../auth/sessions';
import { checkTotp, describeSecret, removeTotp, startTotpSetup, type TotpSecretView } from '../auth/second-factors/totp';
import { deleteRecoveryCodes, renewRecoveryCodes, spendRecoveryCode } from '../auth/second-factors/recovery-codes';
import { addCredential, registrationOptions, removeCredential, type RelyingParty } from '../auth/second-factors/webauthn';
import { secondFactorsOf } from '../auth/second-factors/factors';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FactorAdded, Reauthentication, SecondFactors } from '../../../shared/src/api/second-factors';

type Method = 'totp' | 'passkey';

async function audit(ctx: AppContext, userId: string, action: 'second_factor.added' | 'second_factor.removed', subject: Record<string, unknown>) {
  await withTransaction(ctx.pool, (client) => recordAuditEvent(client, { documentId: null, actorUserId: userId, action, subject: { userId, ...subject } }));
}

/** After a factor was added: ten recovery codes if the person had none left, and what they have now. */
async function afterAdding(ctx: AppContext, userId: string, method: Method): Promise<FactorAdded> {
  await audit(ctx, userId, 'second_factor.added', { method });
  const before = await secondFactorsOf(ctx.pool, userId);
  const recoveryCodes = before.recoveryCodesLeft === 0 ? await renewRecoveryCodes(ctx.pool, userId) : undefined;
  return { factors: await secondFactorsOf(ctx.pool, userId), ...(recoveryCodes ? { recoveryCodes } : {}) };
}

export async function beginTotpSetup(ctx: AppContext, user: SessionUser): Promise<TotpSecretView> {
  const secret = await startTotpSetup(ctx.pool, secretBox(ctx.env), user.id);
  if (!secret) throw new AppError('second_factor_already_set');
  return describeSecret(user.email, secret);
}

export async function confirmTotpSetup(ctx: AppContext, user: SessionUser, code: string): Promise<FactorAdded> {
  const checked = await checkTotp(ctx.pool, secretBox(ctx.env), user.id, code, 'pending');
  if (checked === 'none') {
    const factors = await secondFactorsOf(ctx.pool, user.id);
    throw new AppError(factors.totp ? 'second_factor_already_set' : 'second_factor_setup_missing');
  }
  if (checked === 'reused') throw new AppError('second_factor_code_used');
  if (checked === 'invalid') throw new AppError('second_factor_invalid');
  return afterAdding(ctx, user.id, 'totp');
}

export async function beginPasskeyRegistration(ctx: AppContext, rp: RelyingParty, user: SessionUser, sessionId: string): Promise<Record<string, unknown>> {
  return registrationOptions(ctx, rp, user, sessionId);
}

export async function finishPasskeyRegistration(
  ctx: AppContext,
  rp: RelyingParty,
  user: SessionUser,
  input: { sessionId: string; response: RegistrationResponseJSON; label?: string },
): Promise<FactorAdded> {
  const label = input.label ?? `Passkey ${new Date().toISOString().slice(0, 10)}`;
  const added = await addCredential(ctx, rp, { userId: user.id, sessionId: input.sessionId, response: input.response, label });
  if (!added) throw new AppError('passkey_registration_failed');
  return afterAdding(ctx, user.id, 'passkey');
}

/**
 * Proves the person at the keyboard owns the account: the password, or a code of their authenticator
 * app or a recovery code (spent). Counted by the sign-in throttle like a sign-in, so a session left open
 * is no way to guess the password.
 */
export async function reauthenticate(ctx: AppContext, user: SessionUser, ip: string, proof: Reauthentication): Promise<void> {
  const throttle = await reserveLoginAttempt(ctx.pool, ctx.env, { email: user.email, ip, knownDevice: null });
  if (!throttle.allowed) throw new AppError('too_many_attempts', { seconds: throttle.retryAfterSeconds });
  let ok = false;
  if (proof.password !== undefined) {
    const { rows } = await ctx.pool.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    ok = await verifyPassword(proof.password, rows[0]?.password_hash ?? null);
  } else if (proof.code !== undefined) {
    const code = proof.code.replace(/\s+/g, '');
    ok = /^\d{6}$/.test(code)
      ? (await checkTotp(ctx.pool, secretBox(ctx.env), user.id, code, 'confirmed')) === 'accepted'
      : await spendRecoveryCode(ctx.pool, user.id, code);
  }
  if (!ok) throw new AppError('second_factor_reauthentication_failed');
  await forgiveLoginAttempt(ctx.pool, throttle);
}

async function afterRemoving(ctx: AppContext, userId: string, subject: Record<string, unknown>): Promise<SecondFactors> {
  await audit(ctx, userId, 'second_factor.removed', subject);
  const factors = await secondFactorsOf(ctx.pool, userId);
  if (!factors.enabled && factors.recoveryCodesLeft > 0) {
    await deleteRecoveryCodes(ctx.pool, userId);
    return secondFactorsOf(ctx.pool, userId);
  }
  return factors;
}

export async function removeTotpFactor(ctx: AppContext, user: SessionUser, ip: string, proof: Reauthentication): Promise<SecondFactors> {
  await reauthenticate(ctx, user, ip, proof);
  if (!(await removeTotp(ctx.pool, user.id))) throw new AppError('not_found');
  return afterRemoving(ctx, user.id, { method: 'totp' });
}

export async function removePasskey(ctx: AppContext, user: SessionUser, ip: string, passkeyId: string, proof: Reauthentication): Promise<SecondFactors> {
  const owned = await ctx.pool.query('SELECT 1 FROM webauthn_credentials WHERE id = $1 AND user_id = $2', [passkeyId, user.id]);
  if (owned.rows.length === 0) throw new AppError('not_found');
  await reauthenticate(ctx, user, ip, proof);
  if (!(await removeCredential(ctx.pool, user.id, passkeyId))) throw new AppError('not_found');
  return afterRemoving(ctx, user.id, { method: 'passkey', passkeyId });
}

export async function renewCodes(ctx: AppContext, user: SessionUser, ip: string, proof: Reauthentication): Promise<string[]> {
  const factors = await secondFactorsOf(ctx.pool, user.id);
  if (!factors.enabled) throw new AppError('second_factor_setup_missing');
  await reauthenticate(ctx, user, ip, proof);
  return renewRecoveryCodes(ctx.pool, user.id);
}
