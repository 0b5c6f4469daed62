import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { documentParams } from '../schemas';
import { setSecondFactorRequirement } from '../../commands/second-factor-requirement';
import { secondFactorRequirementSchema } from '../../../../shared/src/api/second-factors';

/** Whether a negotiation requires a second factor of its members (docs/api.md, "Second factor"). */
export function secondFactorRequirementRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents/:documentId/second-factor-requirement',
      tag: 'documents',
      summary: 'Whether this negotiation requires a second factor',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: secondFactorRequirementSchema,
      handler: async ({ access }) => {
        const { rows } = await ctx.pool.query<{ required: boolean }>('SELECT require_second_factor AS required FROM documents WHERE id = $1', [
          access.document.id,
        ]);
        return { required: rows[0]?.required === true };
      },
    })
    .add({
      method: 'put',
      path: '/documents/:documentId/second-factor-requirement',
      tag: 'documents',
      summary: 'Require (or stop requiring) a second factor of every member',
      description:
        'Once required, a member (or administrator) without a second factor is refused the negotiation on every channel (REST, socket.io, collab) with second_factor_required, which tells them to add one; their open sockets on it are re-checked at once. The secretariat must have a second factor itself to require one.',
      access: { kind: 'document', action: 'document.manage' },
      params: documentParams,
      body: secondFactorRequirementSchema,
      response: secondFactorRequirementSchema,
      errors: ['second_factor_needed_first'],
      handler: async ({ access, body, session }) => ({ required: await setSecondFactorRequirement(ctx, session.user.id, access.document.id, body.required) }),
    });
}
