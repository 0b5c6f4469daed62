import { Router } from 'express';
import type pg from 'pg';
import { pendingMigrations } from '../db/migrate';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export function healthRoutes(pool: pg.Pool): Router {
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
      res.json({ status: 'ready', database: 'ok', pendingMigrations: [] });
    } catch {
      res.status(503).json({ status: 'not_ready', database: 'unreachable' });
    }
  });
  return router;
}
