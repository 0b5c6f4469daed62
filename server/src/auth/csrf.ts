import type { Request } from 'express';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { checkRequestOrigin } from './origin';
import { sameSecret } from './tokens';

export const CSRF_HEADER = 'x-csrf-token';

/** How a state-changing route proves the request comes from our page. */
export type CsrfMode = 'token' | 'origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every POST/PUT/PATCH/DELETE must carry `X-CSRF-Token` equal to its session's token — except the
 * two that happen before there is a session (sign-in, accepting an invitation), which must come from
 * an allowed Origin instead. Throws csrf_failed.
 */
export function checkCsrf(ctx: AppContext, req: Request, mode: CsrfMode): void {
  if (SAFE_METHODS.has(req.method)) return;
  if (mode === 'origin') {
    if (!checkRequestOrigin(ctx, req)) {
      req.log.warn({ origin: req.headers.origin ?? null, path: req.path }, 'request refused: origin not allowed');
      throw new AppError('csrf_failed');
    }
    return;
  }
  if (!req.auth || !sameSecret(req.header(CSRF_HEADER), req.auth.csrfToken)) {
    req.log.warn(
      { userId: req.auth?.user.id ?? null, path: req.path, present: req.header(CSRF_HEADER) !== undefined },
      'request refused: CSRF token missing or wrong',
    );
    throw new AppError('csrf_failed');
  }
}
