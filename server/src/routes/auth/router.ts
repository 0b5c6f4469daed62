import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { signIn, signOut } from '../../commands/sign-in';
import { clearedSessionCookie, readSessionToken } from '../../auth/session-cookie';
import { readDeviceToken } from '../../auth/known-devices';
import { loginBodySchema } from '../../../../shared/src/api/users';
import { loginAnswerSchema } from '../../../../shared/src/api/second-factors';
import { answerSignedIn } from './session-answer';
import { recordSignedIn } from '../../audit/sign-in-events';
import { recordIdentityEvent } from '../../audit/identity-events';

export function authRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'post',
      path: '/auth/login',
      tag: 'auth',
      summary: 'Sign in',
      description:
        'Opens a new session (a fresh id every time) and sets the `concordia_session` cookie, and the `concordia_device` cookie that makes this device known to the account. Throttled per (account, address) — or per (account, device) from a known device — with an exponential back-off, and per address across accounts; the owner is mailed when failures start to wait. Checks Origin instead of a CSRF token. When the account has a second factor, the right password opens no session: the answer is `secondFactor` (a pending-sign-in token for POST /api/auth/second-factor, the methods offered, its expiry).',
      access: { kind: 'public' },
      csrf: 'origin',
      body: loginBodySchema,
      response: loginAnswerSchema,
      errors: ['invalid_credentials', 'too_many_attempts', 'csrf_failed'],
      handler: async ({ req, res, body }) => {
        const signedIn = await signIn(ctx, {
          email: body.email,
          password: body.password,
          ip: req.ip ?? 'unknown',
          previousToken: readSessionToken(req.headers.cookie),
          deviceToken: readDeviceToken(req.headers.cookie),
          secure: req.secure,
        });
        if ('pendingToken' in signedIn) {
          // Right password, second factor to come: no session yet (POST /api/auth/second-factor finishes).
          res.setHeader('Cache-Control', 'no-store');
          return { secondFactor: { pendingToken: signedIn.pendingToken, methods: signedIn.methods, expiresAt: signedIn.expiresAt.toISOString() } };
        }
        const answer = answerSignedIn(req, res, signedIn);
        if (signedIn.deviceCookie) res.append('Set-Cookie', signedIn.deviceCookie);
        await recordSignedIn(ctx, req, signedIn);
        return answer;
      },
    })
    .add({
      method: 'post',
      path: '/auth/logout',
      tag: 'auth',
      summary: 'Sign out',
      description: 'Ends this session; its websockets (collab and socket.io) close.',
      access: { kind: 'session' },
      body: z.object({}).strict(),
      status: 204,
      handler: async ({ req, res, session }) => {
        await signOut(ctx, { id: session.id, userId: session.user.id });
        await recordIdentityEvent(ctx, { action: 'session.ended', actorUserId: session.user.id, userId: session.user.id, details: { how: 'signed_out' } });
        res.append('Set-Cookie', clearedSessionCookie(req.secure));
      },
    });
}
