/**
 * Several Concordia nodes as child processes on one PostgreSQL (TEST_DATABASE_URL, a schema of the
 * test's own) and one Redis of the test's own (redis-server.ts): what tests/scale/ runs on.
 *
 *   const cluster = nodeCluster()                        in a test file: database + Redis before, all killed after
 *   const [a, b] = await cluster.start(2)                 nodes started at once
 *   connectClient(a.wsUrl, documentId)
 */
import pg from 'pg';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { spawnedServerStage, type SpawnedServerStage } from './spawned-server-database';
import { startTestRedis, type TestRedis } from './redis-server';
import type { CollabClient } from './collab-client';

/** Several nodes need one PostgreSQL they all reach: with the embedded one (no TEST_DATABASE_URL) these tests are skipped. */
export const itWithPostgres: jest.It = process.env.TEST_DATABASE_URL ? it : it.skip;

export interface ClusterNode {
  server: SpawnedServer;
  url: string;
  wsUrl: string;
  /** GET /readyz. */
  readyz(): Promise<{ status: number; body: ReadyBody }>;
}

export interface ReadyBody {
  status: string;
  database?: string;
  cluster?: { node: string; redis: string; degraded: boolean; streams: Record<string, number>; facts: Record<string, number> };
}

export interface NodeCluster {
  stage: SpawnedServerStage;
  redis: TestRedis;
  clients: CollabClient[];
  /** Starts `count` nodes at once (with `DEMO: '1'` they seed the demo negotiation). */
  start(count: number, env?: Record<string, string>): Promise<ClusterNode[]>;
  /** A pool on the test's schema, for reading what PostgreSQL holds. */
  pool(): pg.Pool;
}

export function nodeCluster(): NodeCluster {
  const stage = spawnedServerStage();
  let redis: TestRedis | null = null;
  let pool: pg.Pool | null = null;
  const cluster: NodeCluster = {
    stage,
    get redis() {
      return redis!;
    },
    clients: stage.clients,
    async start(count, env = {}) {
      // Anti-entropy off unless a test asks for it: what crosses nodes must cross through the streams.
      const base = { ...stage.database.env, DEMO: '0', COLLAB_DEV_OPEN: '1', LOG_LEVEL: 'warn', ANTI_ENTROPY_SECONDS: '3600', REDIS_URL: redis!.url, ...env };
      // The demo seeds once however many nodes start together (server/src/demo/seed-demo.ts).
      const servers = await Promise.all(Array.from({ length: count }, (_, i) => spawnServer({ ...base, NODE_NAME: `node${i}` })));
      stage.servers.push(...servers);
      return servers.map((server) => ({
        server,
        url: server.url,
        wsUrl: `ws://127.0.0.1:${server.port}`,
        async readyz() {
          const response = await fetch(`${server.url}/readyz`);
          return { status: response.status, body: (await response.json()) as ReadyBody };
        },
      }));
    },
    pool() {
      pool ??= new pg.Pool({ connectionString: stage.database.env.DATABASE_URL, max: 2 });
      return pool;
    },
  };
  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL) throw new Error('tests/scale needs TEST_DATABASE_URL: several nodes share one PostgreSQL');
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await pool?.end();
    await redis?.kill();
  });
  return cluster;
}
