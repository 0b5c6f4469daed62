import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { signIn, signOut } from '../../commands/sign-in';
import { clearedSessionCookie, readSessionToken } from '../../auth/session-cookie';
import { readDeviceToken } from '../../auth/known-devices';
import { loginBodySchema, sessionAnswerSchema } from '../../../../shared/src/api/users';
import { answerSignedIn } from './session-answer';

export function authRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'post',
      path: '/auth/login',
      tag: 'auth',
      summary: 'Sign in',
      description:
        'Opens a new session (a fresh id every time) and sets the `concordia_session` cookie, and the `concordia_device` cookie that makes this device known to the account. Throttled per (account, address) — or per (account, device) from a known device — with an exponential back-off, and per address across accounts; the owner is mailed when failures start to wait. Checks Origin instead of a CSRF token.',
      access: { kind: 'public' },
      csrf: 'origin',
      body: loginBodySchema,
      response: sessionAnswerSchema,
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
        const answer = answerSignedIn(req, res, signedIn);
        if (signedIn.deviceCookie) res.append('Set-Cookie', signedIn.deviceCookie);
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
        res.append('Set-Cookie', clearedSessionCookie(req.secure));
      },
    });
}
