import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Without TEST_DATABASE_URL the suite runs against one embedded PGlite, served to `pg` over a
 * loopback socket exactly as the server's embedded mode does. Each test file works in its own schema.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-test-pglite-'));
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 64 });
  await server.start();
  const { port } = (server as unknown as { server: { address(): { port: number } } }).server.address();
  process.env.CONCORDIA_TEST_PGLITE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  (globalThis as Record<string, unknown>).__CONCORDIA_PGLITE__ = { db, server, dir };
}
