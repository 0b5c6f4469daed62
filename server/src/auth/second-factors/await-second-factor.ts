import type { AppContext } from '../../context';
import type { SecondFactorMethod } from '../../../../shared/src/api/second-factors';
import { methodsOf, secondFactorsOf } from './factors';
import { createPendingSignIn } from './pending-sign-ins';

/** The answer of a right password when the account has a second factor: no session, a pending sign-in. */
export interface SecondFactorAwaited {
  pendingToken: string;
  methods: SecondFactorMethod[];
  expiresAt: Date;
}

/** After a right password: null when the account has no second factor, else the pending sign-in that waits for it. */
export async function awaitSecondFactor(
  ctx: AppContext,
  facts: { userId: string; email: string; ip: string; knownDevice: string | null },
): Promise<SecondFactorAwaited | null> {
  const methods = methodsOf(await secondFactorsOf(ctx.pool, facts.userId));
  if (methods.length === 0) return null;
  const pending = await createPendingSignIn(ctx.pool, facts);
  ctx.log.info({ userId: facts.userId }, 'sign-in waits for a second factor');
  return { pendingToken: pending.token, methods, expiresAt: pending.expiresAt };
}
