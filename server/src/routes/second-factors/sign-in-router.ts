import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { readSessionToken } from '../../auth/session-cookie';
import { readDeviceToken } from '../../auth/known-devices';
import { relyingParty } from '../../auth/second-factors/webauthn';
import { completeSecondFactor, passkeySignInOptions } from '../../commands/second-factor-sign-in';
import { passkeyOptionsBodySchema, secondFactorBodySchema, webauthnOptionsSchema } from '../../../../shared/src/api/second-factors';
import { sessionAnswerSchema } from '../../../../shared/src/api/users';
import { answerSignedIn } from '../auth/session-answer';
import { recordSignedIn } from '../../audit/sign-in-events';

/** The second step of signing in, after POST /api/auth/login answered `secondFactor` (docs/api.md, "Second factor"). */
export function secondFactorSignInRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'post',
      path: '/auth/second-factor/passkey-options',
      tag: 'auth',
      summary: 'WebAuthn options for signing in with a passkey',
      description:
        'For the pending sign-in named by `pendingToken`: a single-use challenge, valid five minutes, listing the account’s passkeys. Checks Origin instead of a CSRF token.',
      access: { kind: 'public' },
      csrf: 'origin',
      body: passkeyOptionsBodySchema,
      response: webauthnOptionsSchema,
      errors: ['sign_in_pending_invalid', 'csrf_failed'],
      handler: async ({ req, body }) => ({ options: await passkeySignInOptions(ctx, relyingParty(ctx, req), body.pendingToken) }),
    })
    .add({
      method: 'post',
      path: '/auth/second-factor',
      tag: 'auth',
      summary: 'Finish signing in with a second factor',
      description:
        'A TOTP code (a code of a step already used is refused), a passkey assertion, or a recovery code (spent), for the pending sign-in. Counted by the sign-in throttle like a password attempt. Opens the session exactly as POST /api/auth/login does without a second factor; the pending sign-in opens one session at most and lives five minutes. Checks Origin instead of a CSRF token.',
      access: { kind: 'public' },
      csrf: 'origin',
      body: secondFactorBodySchema,
      response: sessionAnswerSchema,
      errors: ['second_factor_invalid', 'second_factor_code_used', 'sign_in_pending_invalid', 'too_many_attempts', 'csrf_failed'],
      handler: async ({ req, res, body }) => {
        const signedIn = await completeSecondFactor(ctx, relyingParty(ctx, req), body, {
          ip: req.ip ?? 'unknown',
          previousToken: readSessionToken(req.headers.cookie),
          deviceToken: readDeviceToken(req.headers.cookie),
          secure: req.secure,
        });
        const answer = answerSignedIn(req, res, signedIn);
        if (signedIn.deviceCookie) res.append('Set-Cookie', signedIn.deviceCookie);
        await recordSignedIn(ctx, req, signedIn, 'second_factor');
        return answer;
      },
    });
}
