import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../context';
import type { ErrorCode } from '../../../shared/src/error-codes';
import type { Action } from '../../../shared/src/policy';
import type { ActiveSession } from '../auth/sessions';
import { checkCsrf, type CsrfMode } from '../auth/csrf';
import { authorize } from '../policies/authorize';
import { loadDocumentAccess, type DocumentAccess } from '../policies/document-access';
import { AppError } from './errors';

/** Who may call a route: anyone; anyone signed in; or, for `/documents/:documentId/…`, whom the policy allows `action` on it. */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'session' }
  | { kind: 'document'; action: Action }
  | { kind: 'admin'; action: Action };

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

export interface RouteCall<P, B, Q> {
  req: Request;
  res: Response;
  params: P;
  body: B;
  query: Q;
  session: ActiveSession | null;
  /** Set for document routes: the document, the caller's membership and policy subject. */
  access: DocumentAccess | null;
}

export interface RouteSpec<P = unknown, B = unknown, Q = unknown> {
  method: HttpMethod;
  /** Express path under /api, e.g. `/documents/:documentId/participants`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: RouteAccess;
  /** State-changing routes check the CSRF token unless they are the two that check Origin. */
  csrf?: CsrfMode;
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  /** Success status: 200 unless said (201 created, 204 no content). */
  status?: 200 | 201 | 204;
  response?: z.ZodType;
  /** Error codes this route may answer with, beyond those every route may (see openapi.ts). */
  errors?: ErrorCode[];
  handler(call: RouteCall<P, B, Q>): Promise<unknown>;
}

/** Every route of the API, as described: the OpenAPI document is generated from this list. */
export class RouteRegistry {
  readonly routes: RouteSpec[] = [];
}

/**
 * One resource's routes. Each goes through the same pipeline:
 * session → CSRF → path parameters → load document + authorize → body and query (zod, unknown fields
 * refused) → handler → JSON.
 */
export class ApiRouter {
  readonly router = Router();

  constructor(private readonly ctx: AppContext, private readonly registry: RouteRegistry) {}

  add<P, B, Q>(spec: RouteSpec<P, B, Q>): this {
    this.registry.routes.push(spec as RouteSpec);
    this.router[spec.method](spec.path, async (req, res, next) => {
      try {
        const call = await this.prepare(spec, req, res);
        const result = await spec.handler(call);
        if (res.headersSent) return; // the handler answered itself (a file download)
        const status = spec.status ?? 200;
        if (status === 204) res.status(204).end();
        else res.status(status).json(result);
      } catch (err) {
        next(err);
      }
    });
    return this;
  }

  private async prepare<P, B, Q>(spec: RouteSpec<P, B, Q>, req: Request, res: Response): Promise<RouteCall<P, B, Q>> {
    const { ctx } = this;
    const session = req.auth ?? null;
    const target = `${spec.method.toUpperCase()} /api${spec.path}`;
    if (spec.access.kind !== 'public' && !session) {
      req.log.warn({ target, state: req.authState }, 'request refused: not signed in');
      throw new AppError(req.authState === 'expired' ? 'session_expired' : 'unauthenticated');
    }
    checkCsrf(ctx, req, spec.csrf ?? 'token');
    const params = (spec.params ? spec.params.parse(req.params) : req.params) as P;
    const access = await this.authorizeCall(spec, req, session, params, target);
    // The body is looked at only once the caller may call: a refused request learns nothing about fields.
    const query = (spec.query ? spec.query.parse(req.query) : {}) as Q;
    const body = (spec.body ? spec.body.parse(req.body ?? {}) : undefined) as B;
    return { req, res, params, body, query, session, access };
  }

  private async authorizeCall<P, B, Q>(spec: RouteSpec<P, B, Q>, req: Request, session: ActiveSession | null, params: P, target: string): Promise<DocumentAccess | null> {
    const { ctx } = this;
    let access: DocumentAccess | null = null;
    if (session && (spec.access.kind === 'document' || spec.access.kind === 'admin')) {
      const user = session.user;
      const subject = { userId: user.id, isAdmin: user.isAdmin, membership: null };
      if (spec.access.kind === 'document') {
        const documentId = (params as { documentId?: string }).documentId;
        if (!documentId) throw new Error(`${target}: document routes need a :documentId parameter`);
        access = await loadDocumentAccess(ctx.pool, documentId, user);
        if (!access) throw new AppError('not_found');
        await authorize(ctx, access.subject, spec.access.action, { documentStatus: access.document.status },
          { channel: 'rest', target, documentId, requestId: req.id });
      } else {
        await authorize(ctx, subject, spec.access.action, {}, { channel: 'rest', target, requestId: req.id });
      }
    }
    return access;
  }
}
