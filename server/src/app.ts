import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type pg from 'pg';
import type { Logger } from './logger';
import { requestContext } from './http/request-context';
import { errorHandler } from './http/error-handler';
import { healthRoutes, type ClusterHealth } from './http/health-routes';
import { staticClient } from './http/static-client';
import { AppError } from './http/errors';

export interface AppParts {
  pool: pg.Pool;
  log: Logger;
  trustProxy: boolean;
  /** Routers mounted under /api, in order. */
  api: Router[];
  /** Several nodes (REDIS_URL): this node's part in /readyz. */
  clusterHealth?: ClusterHealth | null;
}

/** The Express application: request context → security headers → health → /api → client. */
export function createApp(parts: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  if (parts.trustProxy) app.set('trust proxy', 1);
  app.use(requestContext(parts.log));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.use(healthRoutes(parts.pool, parts.clusterHealth ?? null));
  app.use('/api', express.json({ limit: '1mb' }));
  for (const router of parts.api) app.use('/api', router);
  app.use('/api', (_req, _res, next) => next(new AppError('not_found')));
  app.use(staticClient());
  app.use(errorHandler());
  return app;
}
