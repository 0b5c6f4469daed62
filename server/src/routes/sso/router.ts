import { z } from 'zod';
import type { Request } from 'express';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { readSessionToken, clearedSessionCookie } from '../../auth/session-cookie';
import { signOut } from '../../commands/sign-in';
import { completeProviderSignIn, providerLogoutUrl, recordSsoFailure, startProviderSignIn } from '../../commands/sign-in-with-provider';
import { emailDomain, providersForDomain } from '../../identity/provider-rows';
import { newBinding, readSsoBinding, ssoBindingCookie } from '../../identity/sso-transactions';
import { ssoFailureOf } from '../../identity/sso-failure';
import { answerSignedIn } from '../auth/session-answer';
import { ssoLogoutAnswerSchema, ssoProvidersAnswerSchema, ssoProvidersQuerySchema, ssoStartQuerySchema } from '../../../../shared/src/api/identity-providers';
import type { ErrorCode } from '../../../../shared/src/error-codes';

/** The address people use: PUBLIC_URL when set, else this request's own origin. */
const originOf = (ctx: AppContext, req: Request) => (ctx.env.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');

/** The sign-in page shows a refused sign-in in the person's language (client/src/auth/single-sign-on.tsx). */
const signInWithError = (code: ErrorCode) => `/signin?sso_error=${encodeURIComponent(code)}`;

export function ssoRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/auth/sso/providers',
      tag: 'sso',
      summary: 'The identity providers that serve an email address',
      description: 'Only the enabled providers that vouch for exactly the domain of `email`, with their button text; never a list of every provider.',
      access: { kind: 'public' },
      query: ssoProvidersQuerySchema,
      response: ssoProvidersAnswerSchema,
      handler: async ({ query, res }) => {
        res.setHeader('Cache-Control', 'no-store');
        const rows = await providersForDomain(ctx.pool, emailDomain(query.email));
        return { providers: rows.map((row) => ({ id: row.id, displayName: { en: row.display_name.en ?? '', es: row.display_name.es ?? '' } })) };
      },
    })
    .add({
      method: 'get',
      path: '/auth/sso/start',
      tag: 'sso',
      summary: 'Start signing in through an identity provider',
      description:
        'A top-level navigation: 303 to the provider’s authorization endpoint (code flow with PKCE, state and nonce, kept server-side ten minutes and bound to this browser by the `concordia_sso` cookie), or 303 to `/signin?sso_error=<code>`. `next` is a same-site path to return to.',
      access: { kind: 'public' },
      query: ssoStartQuerySchema,
      status: 200,
      handler: async ({ req, res, query }) => {
        const binding = readSsoBinding(req.headers.cookie) ?? newBinding();
        res.setHeader('Cache-Control', 'no-store');
        try {
          const url = await startProviderSignIn(ctx, { ...query, origin: originOf(ctx, req), binding });
          res.append('Set-Cookie', ssoBindingCookie(binding, req.secure));
          res.redirect(303, url.href);
        } catch (err) {
          const failure = ssoFailureOf(err);
          await recordSsoFailure(ctx, query.providerId, failure, req.ip ?? 'unknown');
          res.redirect(303, signInWithError(failure.code));
        }
      },
    })
    .add({
      method: 'get',
      path: '/auth/sso/callback',
      tag: 'sso',
      summary: 'Where the identity provider sends the browser back',
      description:
        'Spends the transaction `state` names (once, from the browser that started it), redeems the code, checks the ID token (issuer, audience, expiry, nonce) and a verified email in the provider’s domains, then opens an ordinary session: 303 to the page the person came from, or to `/signin?sso_error=<code>` with no session.',
      access: { kind: 'public' },
      status: 200,
      handler: async ({ req, res }) => {
        res.setHeader('Cache-Control', 'no-store');
        const at = req.originalUrl.indexOf('?');
        try {
          const signedIn = await completeProviderSignIn(ctx, {
            search: at >= 0 ? req.originalUrl.slice(at) : '',
            binding: readSsoBinding(req.headers.cookie),
            previousToken: readSessionToken(req.headers.cookie),
            ip: req.ip ?? 'unknown',
          });
          answerSignedIn(req, res, signedIn);
          res.redirect(303, signedIn.returnPath);
        } catch (err) {
          res.redirect(303, signInWithError(ssoFailureOf(err).code));
        }
      },
    })
    .add({
      method: 'post',
      path: '/auth/sso/logout',
      tag: 'sso',
      summary: 'Sign out, and out of the identity provider',
      description:
        'Ends this session like `POST /auth/logout`; when it came through an identity provider whose metadata offers an `end_session_endpoint`, answers that address (RP-initiated logout, back to `/signin`) for the browser to open.',
      access: { kind: 'session' },
      body: z.object({}).strict(),
      response: ssoLogoutAnswerSchema,
      handler: async ({ req, res, session }) => {
        const endSessionUrl = await providerLogoutUrl(ctx, session.id, `${originOf(ctx, req)}/signin`);
        await signOut(ctx, { id: session.id, userId: session.user.id });
        res.append('Set-Cookie', clearedSessionCookie(req.secure));
        return { endSessionUrl };
      },
    });
}
