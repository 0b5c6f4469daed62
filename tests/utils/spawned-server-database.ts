/**
 * A database for a server spawned as its own process (tests/utils/spawn-server.ts), outliving it:
 * with TEST_DATABASE_URL a fresh schema (selected through the connection string's `options`), else
 * an embedded PGlite under a temporary DATA_DIR.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as Y from 'yjs';
import { REPO_ROOT, type SpawnedServer } from './spawn-server';
import type { CollabClient } from './collab-client';
import { dropSchema, freshSchema, openTestDatabase, usingPglite } from './test-db';
import { migrate } from '../../server/src/db/migrate';
import { createDocument, docFromDatabase } from './factories';
import { quietLogger } from './quiet-logger';

export interface SpawnedServerDatabase {
  /** What to add to the spawned server's environment. */
  env: Record<string, string>;
  /** A new draft document; call it while no spawned server is running (the embedded database is one process). */
  createDocument(): Promise<string>;
  /** The document as PostgreSQL alone rebuilds it; null with the embedded database (only its server can open it). */
  docFromDatabase(documentId: string): Promise<Y.Doc | null>;
  cleanup(): Promise<void>;
}

/** `url` with `options=-c search_path=<schema>`: libpq startup options, honoured by pg. */
export function urlWithSearchPath(url: string, schema: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
}

export async function prepareSpawnedServerDatabase(): Promise<SpawnedServerDatabase> {
  if (usingPglite()) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-collab-spawned-'));
    return {
      env: { DATA_DIR: dataDir },
      async createDocument() {
        return execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/utils/embedded-create-document.ts'), dataDir], { cwd: REPO_ROOT })
          .toString()
          .trim();
      },
      async docFromDatabase() {
        return null;
      },
      async cleanup() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = freshSchema('spawned');
  const db = await openTestDatabase(schema);
  await migrate(db.pool, quietLogger());
  return {
    env: { DATABASE_URL: urlWithSearchPath(process.env.TEST_DATABASE_URL!, schema), DATABASE_POOL_SIZE: '4' },
    createDocument: () => createDocument(db.pool),
    docFromDatabase: (documentId) => docFromDatabase(db.pool, documentId),
    async cleanup() {
      await db.close();
      await dropSchema(schema);
    },
  };
}

/** A database for spawned servers, with the servers and clients a test started on it. */
export interface SpawnedServerStage {
  /** There from the first beforeAll on. */
  database: SpawnedServerDatabase;
  /** Killed (SIGKILL) after the tests. */
  servers: SpawnedServer[];
  /** Destroyed after the tests. */
  clients: CollabClient[];
}

/** Call in a test file or a describe body: prepares the database before its tests; after them, ends what they left running. */
export function spawnedServerStage(): SpawnedServerStage {
  const stage = { servers: [], clients: [] } as unknown as SpawnedServerStage;
  beforeAll(async () => {
    stage.database = await prepareSpawnedServerDatabase();
  });
  afterAll(async () => {
    for (const client of stage.clients) client.destroy();
    for (const server of stage.servers) await server.kill('SIGKILL');
    await stage.database?.cleanup();
  });
  return stage;
}
