import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT, spawnServer } from '../../utils/spawn-server';

function embeddedQuery(dataDir: string, sql: string): unknown[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/utils/embedded-query.ts'), dataDir, sql], { cwd: REPO_ROOT });
  return JSON.parse(out.toString());
}

/** The path a newcomer takes: no DATABASE_URL, an embedded PGlite under DATA_DIR. */
describe('the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-embedded-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('boots without DATABASE_URL, says ready, and keeps data across a restart', async () => {
    const first = await spawnServer({ DATA_DIR: dataDir, DEMO: '0' });
    try {
      const ready = await fetch(`${first.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', pendingMigrations: [] });
      expect(first.output()).toContain('embedded PostgreSQL (PGlite) started');
    } finally {
      expect(await first.kill('SIGTERM')).toBe(0);
    }
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);

    // Write something through the same path the server uses, then restart and read it back.
    embeddedQuery(dataDir, `INSERT INTO documents (title) VALUES ('{"en":"Survives restarts","es":"Sobrevive a reinicios"}')`);

    const second = await spawnServer({ DATA_DIR: dataDir, DEMO: '0' });
    try {
      expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    } finally {
      await second.kill('SIGTERM');
    }
    expect(embeddedQuery(dataDir, `SELECT title->>'es' AS es FROM documents`)).toEqual([{ es: 'Sobrevive a reinicios' }]);
  });

  it('answers /healthz while alive', async () => {
    const server = await spawnServer({ DATA_DIR: dataDir, DEMO: '0' });
    try {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    } finally {
      await server.kill('SIGTERM');
    }
  });
});
