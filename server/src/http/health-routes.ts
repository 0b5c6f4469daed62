import { Router } from 'express';
import type pg from 'pg';
import { pendingMigrations } from '../db/migrate';

/** What a node of several adds to /readyz (server/src/scale/scale-out.ts): its name, Redis, and whether it is degraded. */
export type ClusterHealth = () => { node: string; redis: 'ok' | 'unreachable'; degraded: boolean };

/**
 * /healthz: the process answers. /readyz: the database answers and every migration is applied. With
 * several nodes it also says how this node reaches Redis: one that lost it keeps serving its clients
 * durably (ready, status 'degraded'), since taking it out would drop them for no gain.
 */
export function healthRoutes(pool: pg.Pool, cluster: ClusterHealth | null = null): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await pool.query('SELECT 1');
      const pending = await pendingMigrations(pool);
      if (pending.length > 0) {
        res.status(503).json({ status: 'not_ready', database: 'ok', pendingMigrations: pending });
        return;
      }
      const scale = cluster?.();
      res.json({ status: scale?.degraded ? 'degraded' : 'ready', database: 'ok', pendingMigrations: [], ...(scale ? { cluster: scale } : {}) });
    } catch {
      res.status(503).json({ status: 'not_ready', database: 'unreachable', ...(cluster ? { cluster: cluster() } : {}) });
    }
  });
  return router;
}
