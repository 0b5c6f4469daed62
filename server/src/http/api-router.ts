import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../context';
import type { ErrorCode } from '../../../shared/src/error-codes';
import { can, type Action, type PolicyObject, type PolicySubject } from '../../../shared/src/policy';
import type { ActiveSession } from '../auth/sessions';
import { checkCsrf, type CsrfMode } from '../auth/csrf';
import { authorize, recordDenial, type AccessPoint } from '../policies/authorize';
import type { Queryable } from '../db/queryable';
import { loadDocumentAccess, type DocumentAccess } from '../policies/document-access';
import { AppError } from './errors';
import { MutationLimits } from './rate-limit';

/** What a route's object locators see: the request as sent, before its body is validated. */
export interface AccessInput {
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** Unvalidated: a locator reads only what the policy needs, defensively. */
  body: unknown;
}

/** A document route: the policy decides `action` on the document (and on what `object` names in it). */
export interface DocumentRouteAccess {
  kind: 'document';
  action: Action;
  /** What else the action is about (e.g. the Participant an approval is for); the document's status is added. */
  /** What the action is about; may look it up (e.g. the sponsor of a proposal) once the document is known. */
  object?: (input: AccessInput, db: Queryable, documentId: string) => Omit<PolicyObject, 'documentStatus'> | Promise<Omit<PolicyObject, 'documentStatus'>>;
  /** The document, for routes not under `/documents/:documentId` (e.g. `/comments/:commentId`); null answers 404. */
  locate?: (input: AccessInput, user: ActiveSession['user']) => Promise<string | null>;
}

/**
 * An action with no document involved: the policy decides on the account (the administrator flag) and
 * on the membership `actsAs` finds for it, if any (creating a negotiation: a secretariat membership of
 * any). A refusal is 403: there is no document to hide.
 */
export interface AccountRouteAccess {
  kind: 'account';
  action: Action;
  actsAs?: (db: Queryable, user: { id: string }) => Promise<PolicySubject['membership']>;
}

/** Who may call a route: anyone; anyone signed in; whom the policy allows `action` on a document; or on their account. */
export type RouteAccess = { kind: 'public' } | { kind: 'session' } | DocumentRouteAccess | AccountRouteAccess;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler gets: by type, a session on every route but public ones and an access on document routes. */
export interface RouteCall<P, B, Q, A extends RouteAccess = RouteAccess> {
  req: Request;
  res: Response;
  params: P;
  body: B;
  query: Q;
  session: A extends { kind: 'public' } ? ActiveSession | null : ActiveSession;
  /** On document routes: the document, the caller's membership and policy subject. */
  access: A extends { kind: 'document' } ? DocumentAccess : null;
  /** Where the call came from, for denial records and audit events: built once, by the pipeline. */
  where: AccessPoint;
}

export interface RouteSpec<P = unknown, B = unknown, Q = unknown, A extends RouteAccess = RouteAccess> {
  method: HttpMethod;
  /** Express path under /api, e.g. `/documents/:documentId/participants`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: A;
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
  handler(call: RouteCall<P, B, Q, A>): Promise<unknown>;
}

/** Every route of the API, as described (the OpenAPI document is generated from this list), and what the pipeline shares. */
export class RouteRegistry {
  readonly routes: RouteSpec[] = [];
  private mutationLimits: MutationLimits | null = null;

  constructor(private readonly ctx: AppContext) {}

  /** Made on first use: a registry built only to list the routes never counts anything. */
  get limits(): MutationLimits {
    this.mutationLimits ??= new MutationLimits(this.ctx);
    return this.mutationLimits;
  }
}

const MUTATING: ReadonlySet<HttpMethod> = new Set(['post', 'put', 'patch', 'delete']);

/**
 * One resource's routes. Each goes through the same pipeline:
 * session → CSRF → path parameters → load document + authorize → body and query (zod, unknown fields
 * refused) → handler → JSON.
 */
export class ApiRouter {
  readonly router = Router();

  constructor(
    private readonly ctx: AppContext,
    private readonly registry: RouteRegistry,
  ) {}

  add<P, B, Q, const A extends RouteAccess>(spec: RouteSpec<P, B, Q, A>): this {
    this.registry.routes.push(spec as unknown as RouteSpec);
    this.router[spec.method](spec.path, async (req, res, next) => {
      try {
        const call = await this.prepare(spec as unknown as RouteSpec<P, B, Q>, req, res);
        const result = await spec.handler(call as RouteCall<P, B, Q, A>);
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

  /**
   * The pipeline: session → rate limit (mutating routes) → CSRF → path parameters → locate the document and authorize the declared
   * action on its object → query and body (zod, unknown fields refused). They are looked at only once
   * the caller may call: a refused request learns nothing about fields.
   */
  private async prepare<P, B, Q>(spec: RouteSpec<P, B, Q>, req: Request, res: Response): Promise<RouteCall<P, B, Q>> {
    const { ctx } = this;
    const session = req.auth ?? null;
    const where: AccessPoint = { channel: 'rest', target: `${spec.method.toUpperCase()} /api${spec.path}`, requestId: req.id };
    if (spec.access.kind !== 'public' && !session) {
      req.log.warn({ target: where.target, state: req.authState }, 'request refused: not signed in');
      throw new AppError(req.authState === 'expired' ? 'session_expired' : 'unauthenticated');
    }
    if (MUTATING.has(spec.method)) await this.registry.limits.consume(req, session?.user.id ?? null);
    checkCsrf(ctx, req, spec.csrf ?? 'token');
    const params = (spec.params ? spec.params.parse(req.params) : req.params) as P;
    const access = session ? await this.authorizeCall(spec.access, req, session, where) : null;
    const query = (spec.query ? spec.query.parse(req.query) : {}) as Q;
    const body = (spec.body ? spec.body.parse(req.body ?? {}) : undefined) as B;
    return { req, res, params, body, query, session: session as ActiveSession, access: access as DocumentAccess, where };
  }

  private async authorizeCall(rule: RouteAccess, req: Request, session: ActiveSession, where: AccessPoint): Promise<DocumentAccess | null> {
    const { ctx } = this;
    const user = session.user;
    if (rule.kind === 'account') {
      const subject: PolicySubject = { userId: user.id, isAdmin: user.isAdmin, membership: rule.actsAs ? await rule.actsAs(ctx.pool, user) : null };
      const decision = can(subject, rule.action);
      if (decision.allowed) return null;
      await recordDenial(ctx, subject, rule.action, decision.reason, where);
      throw new AppError('forbidden');
    }
    if (rule.kind !== 'document') return null;
    const input: AccessInput = { params: req.params as Record<string, string>, query: req.query as Record<string, unknown>, body: req.body };
    const documentId = rule.locate ? await rule.locate(input, user) : input.params.documentId;
    if (!documentId) {
      if (!rule.locate) throw new Error(`${where.target}: document routes need a :documentId parameter or a locate()`);
      throw new AppError('not_found');
    }
    where.documentId = documentId;
    const access = await loadDocumentAccess(ctx.pool, documentId, user);
    if (!access) throw new AppError('not_found');
    const object = rule.object ? await rule.object(input, ctx.pool, documentId) : {};
    await authorize(ctx, access.subject, rule.action, { ...object, documentStatus: access.document.status, documentPhase: access.document.phase }, where);
    return access;
  }
}
