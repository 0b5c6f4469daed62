import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { claimLoginAlert, forgiveLoginAttempt, reserveLoginAttempt, type ThrottleDecision } from '../auth/login-throttle';
import { awaitSecondFactor, type SecondFactorAwaited } from '../auth/second-factors/await-second-factor';
import { knownDeviceOf, rememberDevice } from '../auth/known-devices';
import { sendSignInAlertMail } from '../mail/sign-in-alert-mail';
import { recordSignInFailure } from '../audit/sign-in-events';
import { endSession, startSession, toSessionUser, type SessionUser, type UserRow } from '../auth/sessions';
import { tokenHash } from '../auth/tokens';

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  previousToken: string | null;
  /** The `concordia_device` cookie the browser sent, if any. */
  deviceToken: string | null;
  /** Whether the answer goes over HTTPS (the device cookie's Secure flag). */
  secure: boolean;
}
export interface SignedIn {
  token: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
  /** Set-Cookie of the device, known from now on. */
  deviceCookie?: string;
}

/**
 * Checks a password and opens a new session. Throttled per (account, address) or (account, known
 * device) before the password is looked at (auth/login-throttle.ts); an unknown email, a wrong password
 * and a disabled account all answer the same (and take the same time). Once failures make a pair wait,
 * the account's owner is told by mail. A session the browser already had is ended: every sign-in gets a
 * fresh id, so a planted cookie never becomes a signed-in session. The device is known from then on.
 */
export async function signIn(ctx: AppContext, input: SignInInput): Promise<SignedIn | SecondFactorAwaited> {
  const email = input.email.trim().toLowerCase();
  const knownDevice = await knownDeviceOf(ctx.pool, email, input.deviceToken);
  const throttle = await reserveLoginAttempt(ctx.pool, ctx.env, { email, ip: input.ip, knownDevice });
  if (!throttle.allowed) {
    ctx.log.warn({ email, ip: input.ip }, 'sign-in refused: too many attempts');
    await recordSignInFailure(ctx, { email, ip: input.ip, reason: 'too_many_attempts' });
    throw new AppError('too_many_attempts', { seconds: throttle.retryAfterSeconds });
  }
  const { rows } = await ctx.pool.query<UserRow & { password_hash: string | null; disabled: boolean }>(
    `SELECT id, email, display_name, ui_language, is_admin, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE email = $1`,
    [email],
  );
  const row = rows[0];
  const passwordOk = await verifyPassword(input.password, row?.password_hash ?? (await decoyHash()));
  if (!row || !passwordOk || row.disabled) {
    ctx.log.warn({ email, ip: input.ip, known: Boolean(row) }, 'sign-in refused: invalid credentials');
    const reason = !row ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'account_disabled';
    await recordSignInFailure(ctx, { email, ip: input.ip, reason, userId: row?.id ?? null });
    // Not awaited: the answer takes the same time whether or not there is an owner to tell.
    if (row && !row.disabled && throttle.backingOff) void alertOwner(ctx, row, { ip: input.ip, attempts: throttle.attempts });
    throw new AppError('invalid_credentials');
  }
  // The password alone opens no session when the account has a second factor: the attempt stays counted
  // until the factor is given too (commands/second-factor-sign-in.ts), so guesses of the factor are throttled alike.
  const pending = await awaitSecondFactor(ctx, { userId: row.id, email, ip: input.ip, knownDevice });
  if (pending) return pending;
  return openSignedInSession(ctx, row, throttle, input);
}

/** The end of every successful sign-in (password, or password and second factor): forgive, remember the device, a fresh session. */
export async function openSignedInSession(
  ctx: AppContext,
  row: UserRow,
  throttle: Extract<ThrottleDecision, { allowed: true }>,
  input: Pick<SignInInput, 'previousToken' | 'deviceToken' | 'secure'>,
): Promise<SignedIn> {
  await forgiveLoginAttempt(ctx.pool, throttle);
  const deviceCookie = await rememberDevice(ctx.pool, row.id, input.deviceToken, input.secure);
  if (input.previousToken) await endPreviousSession(ctx, input.previousToken);
  const session = await startSession(ctx.pool, row.id, ctx.env);
  ctx.log.info({ userId: row.id }, 'signed in');
  return { token: session.token, sessionId: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt, user: toSessionUser(row), deviceCookie };
}

async function alertOwner(ctx: AppContext, row: UserRow, facts: { ip: string; attempts: number }): Promise<void> {
  try {
    if (!(await claimLoginAlert(ctx.pool, row.email))) return;
    await sendSignInAlertMail(ctx, { to: row.email, lang: row.ui_language, ip: facts.ip, attempts: facts.attempts, at: new Date() });
  } catch (err) {
    ctx.log.error({ err, userId: row.id }, 'sign-in alert not sent');
  }
}

/** Ends whatever session the browser arrived with (its sockets close). */
export async function endPreviousSession(ctx: AppContext, previousToken: string): Promise<void> {
  const previousId = tokenHash(previousToken);
  const { rows } = await ctx.pool.query<{ user_id: string }>('UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL RETURNING user_id', [
    previousId,
  ]);
  if (rows[0]) ctx.events.emit('session.ended', { sessionId: previousId, userId: rows[0].user_id });
}

/** Ends one session and closes its sockets. */
export async function signOut(ctx: AppContext, session: { id: string; userId: string }): Promise<void> {
  if (await endSession(ctx.pool, session.id)) ctx.events.emit('session.ended', { sessionId: session.id, userId: session.userId });
}
