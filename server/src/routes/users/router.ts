import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { listAccounts, updateAccount } from '../../commands/users';
import { presentAccount } from '../../presenters/user';
import { accountAnswerSchema, accountChangesSchema, accountListSchema } from '../../../../shared/src/api/users';

export function usersRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/users',
      tag: 'users',
      summary: 'Every account (administrators)',
      access: { kind: 'account', action: 'user.manage' },
      response: accountListSchema,
      handler: async () => ({ users: (await listAccounts(ctx)).map(presentAccount) }),
    })
    .add({
      method: 'patch',
      path: '/users/:userId',
      tag: 'users',
      summary: 'Disable, re-enable or promote an account (administrators)',
      description: 'Disabling ends every session of the account and closes all its websockets within seconds.',
      access: { kind: 'account', action: 'user.manage' },
      params: z.object({ userId: z.uuid() }).strict(),
      body: accountChangesSchema,
      response: accountAnswerSchema,
      handler: async ({ params, body, session }) => ({ user: presentAccount(await updateAccount(ctx, session.user.id, params.userId, body)) }),
    });
}
