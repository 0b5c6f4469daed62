/** Setting up and using a second factor through the API, as the settings section and the sign-in screen do. */
import { authenticator } from 'otplib';
import { requestAs, NOBODY, type Answer, type Credentials } from '../../../utils/people';
import { PASSWORD, type World } from './world';

/** The code an authenticator app shows `stepsAhead` steps from now (the server accepts one step either side). */
export const totpCode = (secret: string, stepsAhead = 0) => authenticator.clone({ epoch: Date.now() + stepsAhead * 30_000 }).generate(secret);

/** The code of the step the server last accepted for this person: the one a reuse would replay. */
export async function lastAcceptedCode(world: World, userId: string, secret: string): Promise<string> {
  const { rows } = await world.pool.query<{ step: string }>('SELECT last_step::text AS step FROM totp_factors WHERE user_id = $1', [userId]);
  return authenticator.clone({ epoch: Number(rows[0].step) * 30_000 + 1_000 }).generate(secret);
}

/** Sets up and confirms an authenticator app for the person; returns its secret and the recovery codes shown once. */
export async function enableTotp(world: World, who: Credentials): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await requestAs(world.server, who, 'POST', '/api/me/second-factors/totp', {});
  expect(setup.status).toBe(200);
  const confirmed = await requestAs(world.server, who, 'POST', '/api/me/second-factors/totp/confirm', { code: totpCode(setup.body.secret) });
  expect(confirmed.status).toBe(200);
  return { secret: setup.body.secret, recoveryCodes: confirmed.body.recoveryCodes ?? [] };
}

export const passwordStep = (world: World, email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Answer> =>
  requestAs(world.server, NOBODY, 'POST', '/api/auth/login', { email, password }, headers);

export const secondStep = (world: World, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> =>
  requestAs(world.server, NOBODY, 'POST', '/api/auth/second-factor', body, headers);
