/**
 * Sign-ins in the audit chain (identity-events.ts): each success with the browser and address, each
 * failure with its reason. The person who tried is told only invalid_credentials; the chain and the
 * account's own Security page know why.
 */
import type { Request } from 'express';
import type { AppContext } from '../context';
import { recordSessionDevice } from '../auth/session-devices';
import { recordIdentityEvent, type SignInFailure } from './identity-events';

/** A failed sign-in (the account is looked up by email when the caller does not know it). */
export async function recordSignInFailure(
  ctx: AppContext,
  attempt: { email: string; ip: string; reason: SignInFailure; userId?: string | null },
): Promise<void> {
  let userId = attempt.userId ?? null;
  if (userId === null && attempt.reason !== 'unknown_account') {
    const { rows } = await ctx.pool.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [attempt.email]);
    userId = rows[0]?.id ?? null;
  }
  await recordIdentityEvent(ctx, {
    action: 'sign_in.failed',
    actorUserId: userId,
    userId,
    details: { email: attempt.email, reason: attempt.reason, address: attempt.ip },
  });
}

/**
 * A session just opened by signing in: its browser and address are recorded for the Security page, and
 * the success in the chain. Called by each route that answers with a new session.
 */
export async function recordSignedIn(ctx: AppContext, req: Request, signedIn: { sessionId: string; user: { id: string } }, via = 'password'): Promise<void> {
  await recordSessionDevice(ctx.pool, signedIn.sessionId, req);
  const { rows } = await ctx.pool.query<{ public_id: string }>('SELECT public_id FROM sessions WHERE id = $1', [signedIn.sessionId]);
  await recordIdentityEvent(ctx, {
    action: 'sign_in.succeeded',
    actorUserId: signedIn.user.id,
    userId: signedIn.user.id,
    details: { session: rows[0]?.public_id ?? null, address: req.ip ?? null, userAgent: (req.get('user-agent') ?? '').slice(0, 512) || null, via },
  });
}
