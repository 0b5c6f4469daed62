import type { Router } from 'express';
import type { AppContext } from '../context';
import { RouteRegistry } from '../http/api-router';
import { sessionMiddleware } from '../auth/session-middleware';
import { authRouter } from './auth/router';
import { meRouter } from './me/router';
import { documentsRouter } from './documents/router';
import { participantsRouter } from './participants/router';
import { membershipsRouter } from './memberships/router';
import { invitationsRouter } from './invitations/router';
import { usersRouter } from './users/router';
import { openApiRouter } from './openapi/router';
import { approvalsRouter } from './approvals/router';
import { commentsRouter } from './comments/router';
import { lifecycleRouter } from './lifecycle/router';
import { versionsRouter } from './versions/router';
import { verifyRouter } from './verify/router';
import { proposalsRouter } from './proposals/router';
import { clausesRouter } from './clauses/router';
import { notificationsRouter } from './notifications/router';

/** The routes of the API, as described in /api/openapi.json (one registry per server). */
export const apiRegistries = new WeakMap<AppContext, RouteRegistry>();

/** Every router mounted under /api, in order. Each resource adds its own line here. */
export function apiRouters(ctx: AppContext): Router[] {
  const registry = new RouteRegistry(ctx);
  apiRegistries.set(ctx, registry);
  return [
    sessionMiddleware(ctx),
    authRouter(ctx, registry).router,
    meRouter(ctx, registry).router,
    documentsRouter(ctx, registry).router,
    participantsRouter(ctx, registry).router,
    membershipsRouter(ctx, registry).router,
    invitationsRouter(ctx, registry).router,
    usersRouter(ctx, registry).router,
    approvalsRouter(ctx, registry).router,
    commentsRouter(ctx, registry).router,
    lifecycleRouter(ctx, registry).router,
    versionsRouter(ctx, registry).router,
    proposalsRouter(ctx, registry).router,
    clausesRouter(ctx, registry).router,
    notificationsRouter(ctx, registry).router,
    verifyRouter(ctx, registry).router,
    openApiRouter(ctx, registry).router,
  ];
}
