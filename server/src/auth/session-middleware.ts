import { Router, type NextFunction, type Request, type Response } from 'express';
import type { AppContext } from '../context';
import { lookupSession, type ActiveSession } from './sessions';
import { readSessionToken } from './session-cookie';

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in session, or null. */
    auth: ActiveSession | null;
    /** Why there is no session: no cookie ('none') or one that ended ('expired'). */
    authState: 'none' | 'expired' | 'active';
  }
}

/**
 * Reads the session cookie on every /api request. A signed-in person's errors come in their chosen
 * interface language rather than the browser's.
 */
export function sessionMiddleware(ctx: AppContext): Router {
  const router = Router();
  router.use(async (req: Request, _res: Response, next: NextFunction) => {
    req.auth = null;
    req.authState = 'none';
    const token = readSessionToken(req.headers.cookie);
    if (!token) {
      next();
      return;
    }
    try {
      const found = await lookupSession(ctx.pool, token, ctx.env);
      if (found.state === 'active') {
        req.auth = found.session;
        req.lang = found.session.user.uiLanguage;
      }
      req.authState = found.state;
      next();
    } catch (err) {
      next(err);
    }
  });
  return router;
}
