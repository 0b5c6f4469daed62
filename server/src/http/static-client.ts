import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

export const CLIENT_DIST = path.resolve(__dirname, '../../../dist/client');

/** Serves the built client and answers every other non-API GET with index.html (client-side routes). */
export function staticClient(dir: string = CLIENT_DIST): Router {
  const router = express.Router();
  const index = path.join(dir, 'index.html');
  router.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  router.get(/^\/(?!api\/|collab\/|socket\.io\/|healthz|readyz).*/, (_req, res, next) => {
    if (!fs.existsSync(index)) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
