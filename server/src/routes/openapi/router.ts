import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { buildOpenApi } from '../../http/openapi';

export function openApiRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  let cached: unknown = null;
  return new ApiRouter(ctx, registry).add({
    method: 'get',
    path: '/openapi.json',
    tag: 'meta',
    summary: 'This description (OpenAPI 3.1), generated from the routes and their zod schemas',
    access: { kind: 'public' },
    handler: async () => {
      cached ??= buildOpenApi(registry);
      return cached;
    },
  });
}
