import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { changePassword } from '../../commands/change-password';
import { endOtherSessions, endOwnSession, listOwnSessions } from '../../commands/own-sessions';
import { identityEventsOf } from '../../audit/identity-events';
import { presentIdentityEvent, presentOwnSession } from '../../presenters/security';
import { emptyBody } from '../../../../shared/src/api/common';
import { PASSWORD_PROBLEMS } from '../../../../shared/src/security/password-rules';
import { identityEventListSchema, ownSessionListSchema, passwordChangeBodySchema, sessionsEndedSchema } from '../../../../shared/src/api/security';

/** The signed-in person's own security: their sessions, their password, their identity events (docs/api.md, "Security"). */
export function securityRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/me/sessions',
      tag: 'me',
      summary: 'My open sessions: browser, address, started, last active, and which one is this',
      access: { kind: 'session' },
      response: ownSessionListSchema,
      handler: async ({ res, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return { sessions: (await listOwnSessions(ctx, session)).map(presentOwnSession) };
      },
    })
    .add({
      method: 'delete',
      path: '/me/sessions/:sessionId',
      tag: 'me',
      summary: 'End one of my other sessions',
      description: 'Its websockets close. The session asking cannot end itself here (400 session_is_current): that is signing out.',
      access: { kind: 'session' },
      params: z.object({ sessionId: z.uuid() }).strict(),
      status: 204,
      errors: ['session_is_current'],
      handler: async ({ params, session }) => {
        await endOwnSession(ctx, session, params.sessionId);
      },
    })
    .add({
      method: 'post',
      path: '/me/sessions/end-others',
      tag: 'me',
      summary: 'Sign out everywhere else',
      description: 'Ends every session of mine but this one; their websockets close. Answers how many ended.',
      access: { kind: 'session' },
      body: emptyBody,
      response: sessionsEndedSchema,
      handler: async ({ session }) => ({ ended: await endOtherSessions(ctx, session) }),
    })
    .add({
      method: 'post',
      path: '/me/password',
      tag: 'me',
      summary: 'Change my password',
      description:
        'The current password is checked (throttled like signing in), the new one must follow the password rules (at least 12 characters, at most 256, not common, not containing my email or name). Every other session of mine ends; this one stays.',
      access: { kind: 'session' },
      body: passwordChangeBodySchema,
      response: sessionsEndedSchema,
      errors: ['current_password_wrong', 'too_many_attempts', ...PASSWORD_PROBLEMS],
      handler: async ({ req, body, session }) => {
        const { sessionsEnded } = await changePassword(ctx, session, { ...body, ip: req.ip ?? 'unknown' });
        return { ended: sessionsEnded };
      },
    })
    .add({
      method: 'get',
      path: '/me/identity-events',
      tag: 'me',
      summary: 'What happened to my account lately (sign-ins, failures, passwords, sessions ended), newest first',
      access: { kind: 'session' },
      response: identityEventListSchema,
      handler: async ({ res, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return { events: (await identityEventsOf(ctx.pool, session.user.id)).map((row) => presentIdentityEvent(row, session.user.id)) };
      },
    });
}
