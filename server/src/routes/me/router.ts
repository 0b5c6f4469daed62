import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { updateProfile } from '../../commands/users';
import { presentSession, presentUser } from '../../presenters/user';
import { meAnswerSchema, meChangesSchema, sessionAnswerSchema } from '../../../../shared/src/api/users';

export function meRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/me',
      tag: 'me',
      summary: 'The signed-in person and the CSRF token of the session',
      access: { kind: 'session' },
      response: sessionAnswerSchema,
      handler: async ({ res, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return presentSession(session.user, session.csrfToken);
      },
    })
    .add({
      method: 'patch',
      path: '/me',
      tag: 'me',
      summary: 'Change my display name or interface language',
      access: { kind: 'session' },
      body: meChangesSchema,
      response: meAnswerSchema,
      handler: async ({ req, body, session }) => {
        const user = await updateProfile(ctx, session.user.id, body);
        req.lang = user.uiLanguage;
        return { user: presentUser(user) };
      },
    });
}
