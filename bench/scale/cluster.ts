/**
 * N Concordia nodes as child processes (as `npm start` runs them, NODE_ENV=production) on the bench's
 * schema of the machine's PostgreSQL and a Redis of the run's own (redis-server on a free port, never
 * the machine's 6379). Each node's PostgreSQL connections carry `application_name=<tag>-<node>`, so
 * its backends can be found in pg_stat_activity and their CPU read from /proc (process-cpu.ts).
 */
import path from 'node:path';
import { spawnServer, type SpawnedServer } from '../../tests/utils/spawn-server';
import { startTestRedis, type TestRedis } from '../../tests/utils/redis-server';
import type { BenchDatabase } from '../collab/bench-database';
import { findRedisPid } from './process-cpu';

export interface BenchNode {
  name: string;
  server: SpawnedServer;
  pid: number;
  url: string;
  wsUrl: string;
  origin: string;
  /** application_name of its PostgreSQL connections. */
  applicationName: string;
}

export interface BenchCluster {
  nodes: BenchNode[];
  /** null with one node and no Redis (REDIS_URL unset: today's single process). */
  redis: TestRedis | null;
  redisPid: number | null;
  /** Prefix of every node's application_name. */
  tag: string;
  /** Warnings and errors the nodes logged (first lines), for a failed run. */
  complaints(): string;
  stop(): Promise<void>;
}

let runs = 0;

/**
 * `count` nodes on `database`. With `redisForOne` false a single node runs without Redis (the
 * single-process deployment); with several nodes Redis is always on.
 */
export async function startCluster(
  database: BenchDatabase,
  count: number,
  options: { env?: Record<string, string>; redisForOne?: boolean; profileDir?: string } = {},
): Promise<BenchCluster> {
  const useRedis = count > 1 || options.redisForOne !== false;
  const redis = useRedis ? await startTestRedis() : null;
  const tag = `${database.schema}-r${runs++}`;
  const nodes: BenchNode[] = [];
  try {
    const servers = await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const applicationName = `${tag}-n${i}`;
        // Under V8's profiler (bench/import/profiled-server.ts), written when the node is stopped.
        const profile = options.profileDir ? { BENCH_PROFILE: path.join(options.profileDir, `${applicationName}.cpuprofile`) } : {};
        return spawnServer(
          {
            DATABASE_URL: `${database.serverUrl}&application_name=${applicationName}`,
            DEMO: '0',
            COLLAB_DEV_OPEN: '1',
            LOG_LEVEL: 'warn',
            NODE_ENV: 'production',
            NODE_NAME: `n${i}`,
            ...(redis ? { REDIS_URL: redis.url } : {}),
            ...options.env,
            ...profile,
          },
          60_000,
          options.profileDir ? { script: 'bench/import/profiled-server.ts' } : {},
        ).then((server) => ({ server, applicationName }));
      }),
    );
    servers.forEach(({ server, applicationName }, i) =>
      nodes.push({
        name: `n${i}`,
        server,
        pid: server.child.pid!,
        url: server.url,
        wsUrl: `ws://127.0.0.1:${server.port}`,
        origin: `http://127.0.0.1:${server.port}`,
        applicationName,
      }),
    );
  } catch (err) {
    await redis?.kill();
    throw err;
  }
  return {
    nodes,
    redis,
    redisPid: redis ? findRedisPid(redis.port) : null,
    tag,
    complaints: () =>
      nodes
        .map((node) =>
          node.server
            .output()
            .split('\n')
            .filter((line) => line.includes('"level":40') || line.includes('"level":50'))
            .slice(0, 5)
            .map((line) => `${node.name}: ${line.slice(0, 400)}`)
            .join('\n'),
        )
        .filter(Boolean)
        .join('\n'),
    async stop() {
      await Promise.all(nodes.map((node) => node.server.kill('SIGTERM')));
      await redis?.kill();
    },
  };
}
