import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { reserveLoginAttempt } from '../auth/login-throttle';
import { secretBox } from '../auth/secret-box';
import { checkTotp } from '../auth/second-factors/totp';
import { spendRecoveryCode } from '../auth/second-factors/recovery-codes';
import { findPendingSignIn, spendPendingSignIn, type PendingSignIn } from '../auth/second-factors/pending-sign-ins';
import { authenticationOptions, verifyAssertion, type RelyingParty } from '../auth/second-factors/webauthn';
import type { UserRow } from '../auth/sessions';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { SecondFactorBody } from '../../../shared/src/api/second-factors';
import { openSignedInSession, type SignInInput, type SignedIn } from './sign-in';

async function pendingOf(ctx: AppContext, token: string): Promise<PendingSignIn> {
  const pending = await findPendingSignIn(ctx.pool, token);
  if (!pending) throw new AppError('sign_in_pending_invalid');
  return pending;
}

/** WebAuthn request options for a pending sign-in's passkeys (a fresh single-use challenge each time). */
export async function passkeySignInOptions(ctx: AppContext, rp: RelyingParty, pendingToken: string): Promise<Record<string, unknown>> {
  const pending = await pendingOf(ctx, pendingToken);
  return authenticationOptions(ctx, rp, pending.userId, pending.id);
}

async function audit(ctx: AppContext, action: 'second_factor.succeeded' | 'second_factor.failed', userId: string, subject: Record<string, unknown>) {
  await withTransaction(ctx.pool, (client) => recordAuditEvent(client, { documentId: null, actorUserId: userId, action, subject: { userId, ...subject } }));
}

/**
 * The second step of a sign-in: the pending sign-in's factor — a TOTP code (a step already used is
 * refused), a passkey assertion, or a recovery code (spent). Counted by the sign-in throttle exactly as
 * a password attempt, on the same pair and address, before the factor is looked at; the pair is
 * forgiven only once the factor is right. A right factor opens the session as a password sign-in does.
 */
export async function completeSecondFactor(
  ctx: AppContext,
  rp: RelyingParty,
  body: SecondFactorBody,
  input: Pick<SignInInput, 'ip' | 'previousToken' | 'deviceToken' | 'secure'>,
): Promise<SignedIn> {
  const pending = await pendingOf(ctx, body.pendingToken);
  const throttle = await reserveLoginAttempt(ctx.pool, ctx.env, { email: pending.email, ip: input.ip, knownDevice: pending.knownDevice });
  if (!throttle.allowed) {
    ctx.log.warn({ userId: pending.userId, ip: input.ip }, 'second factor refused: too many attempts');
    throw new AppError('too_many_attempts', { seconds: throttle.retryAfterSeconds });
  }
  let outcome: 'accepted' | 'invalid' | 'reused';
  if (body.method === 'totp') {
    const checked = await checkTotp(ctx.pool, secretBox(ctx.env), pending.userId, body.code, 'confirmed');
    outcome = checked === 'none' ? 'invalid' : checked;
  } else if (body.method === 'recovery') {
    outcome = (await spendRecoveryCode(ctx.pool, pending.userId, body.code)) ? 'accepted' : 'invalid';
  } else {
    const ok = await verifyAssertion(ctx, rp, {
      userId: pending.userId,
      pendingId: pending.id,
      response: body.response as unknown as AuthenticationResponseJSON,
    });
    outcome = ok ? 'accepted' : 'invalid';
  }
  if (outcome !== 'accepted') {
    ctx.log.warn({ userId: pending.userId, ip: input.ip, method: body.method, outcome }, 'second factor refused');
    await audit(ctx, 'second_factor.failed', pending.userId, { method: body.method, reason: outcome, ip: input.ip });
    throw new AppError(outcome === 'reused' ? 'second_factor_code_used' : 'second_factor_invalid');
  }
  if (!(await spendPendingSignIn(ctx.pool, pending.id))) throw new AppError('sign_in_pending_invalid');
  const { rows } = await ctx.pool.query<UserRow>('SELECT id, email, display_name, ui_language, is_admin FROM users WHERE id = $1 AND disabled_at IS NULL', [
    pending.userId,
  ]);
  if (!rows[0]) throw new AppError('sign_in_pending_invalid');
  await audit(ctx, 'second_factor.succeeded', pending.userId, { method: body.method, ip: input.ip });
  return openSignedInSession(ctx, rows[0], throttle, input);
}
