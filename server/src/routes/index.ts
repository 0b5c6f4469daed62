import type { Router } from 'express';
import type { AppContext } from '../context';
import { RouteRegistry } from '../http/api-router';
import { sessionMiddleware } from '../auth/session-middleware';
import { authRouter } from './auth/router';
import { meRouter } from './me/router';
import { secondFactorsRouter } from './second-factors/router';
import { secondFactorSignInRouter } from './second-factors/sign-in-router';
import { secondFactorRequirementRouter } from './second-factors/requirement-router';
import { documentsRouter } from './documents/router';
import { participantsRouter } from './participants/router';
import { membershipsRouter } from './memberships/router';
import { invitationsRouter } from './invitations/router';
import { usersRouter } from './users/router';
import { identityProvidersRouter } from './identity-providers/router';
import { ssoRouter } from './sso/router';
import { openApiRouter } from './openapi/router';
import { approvalsRouter } from './approvals/router';
import { commentsRouter } from './comments/router';
import { lifecycleRouter } from './lifecycle/router';
import { versionsRouter } from './versions/router';
import { signaturesRouter } from './signatures/router';
import { verifyRouter } from './verify/router';
import { proposalsRouter } from './proposals/router';
import { packagesRouter } from './packages/router';
import { bracketsRouter } from './brackets/router';
import { numberingRouter } from './numbering/router';
import { clausesRouter } from './clauses/router';
import { notificationsRouter } from './notifications/router';
import { securityRouter } from './security/router';
import { passwordResetsRouter } from './security/password-resets-router';

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
    secondFactorSignInRouter(ctx, registry).router,
    secondFactorsRouter(ctx, registry).router,
    secondFactorRequirementRouter(ctx, registry).router,
    documentsRouter(ctx, registry).router,
    participantsRouter(ctx, registry).router,
    membershipsRouter(ctx, registry).router,
    invitationsRouter(ctx, registry).router,
    usersRouter(ctx, registry).router,
    identityProvidersRouter(ctx, registry).router,
    ssoRouter(ctx, registry).router,
    approvalsRouter(ctx, registry).router,
    commentsRouter(ctx, registry).router,
    lifecycleRouter(ctx, registry).router,
    versionsRouter(ctx, registry).router,
    signaturesRouter(ctx, registry).router,
    proposalsRouter(ctx, registry).router,
    packagesRouter(ctx, registry).router,
    bracketsRouter(ctx, registry).router,
    numberingRouter(ctx, registry).router,
    clausesRouter(ctx, registry).router,
    notificationsRouter(ctx, registry).router,
    securityRouter(ctx, registry).router,
    passwordResetsRouter(ctx, registry).router,
    verifyRouter(ctx, registry).router,
    openApiRouter(ctx, registry).router,
  ];
}
