/**
 * Several Concordia nodes on one PostgreSQL and one Redis (REDIS_URL set). PostgreSQL holds what must
 * last; Redis only carries it between nodes:
 *  - updates: one Redis Stream per document (document-stream.ts), caught up from PostgreSQL on any gap;
 *  - awareness: pub/sub, merged per client and throttled (awareness-fanout.ts);
 *  - socket.io events: @socket.io/redis-streams-adapter, with connection state recovery;
 *  - freezes, phases, memberships, sessions, disabled accounts: pub/sub facts (cluster-facts.ts);
 *  - Yjs clientIDs: claimed in PostgreSQL, so one person's on every node (client-id-claims.ts);
 *  - one node runs each job under a PostgreSQL advisory lock (advisory-lock.ts);
 *  - anti-entropy: every open document is compared with PostgreSQL periodically and repaired.
 * Without REDIS_URL none of this exists and the process is the single node it always was.
 */
import os from 'node:os';
import crypto from 'node:crypto';
import type pg from 'pg';
import type { ServerOptions } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Env } from '../config/env';
import type { Logger } from '../logger';
import type { AppContext } from '../context';
import type { CollabDocument } from '../collab/collab-document';
import type { DocumentFanout, DocumentRegistry, ExclusiveRunner } from '../collab/document-registry';
import { openRedisConnections, redisReady, type RedisConnections } from './redis-connections';
import { DocumentStreams } from './document-stream';
import { AwarenessFanout } from './awareness-fanout';
import { shareClusterFacts, type ClusterFacts } from './cluster-facts';
import { advisoryLockRunner } from './advisory-lock';
import { durableClientIdClaims } from './client-id-claims';

/** How long a starting node waits for Redis before it starts degraded (it keeps trying). */
const STARTUP_WAIT_MS = 3000;
/** A socket.io client that reconnects within this time gets the events it missed (else it reloads, as today). */
const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

export interface ScaleHealth {
  node: string;
  redis: 'ok' | 'unreachable';
  /** A node without Redis serves its own clients durably, but their edits reach other nodes only through PostgreSQL. */
  degraded: boolean;
  streams: DocumentStreams['stats'];
  awareness: AwarenessFanout['stats'];
  facts: ClusterFacts['stats'];
  openDocuments: number;
}

export interface ScaleOut {
  node: string;
  exclusive: ExclusiveRunner;
  /** For attachSocketServer. */
  socketOptions: Pick<Partial<ServerOptions>, 'adapter' | 'connectionStateRecovery'>;
  /** Called once the app context exists: facts need the event bus and the live-document gateway. */
  start(ctx: AppContext): void;
  health(): ScaleHealth;
  /** Runs anti-entropy over every open document now; resolves with the repairs made (tests, operations). */
  antiEntropy(): Promise<number>;
  stop(): Promise<void>;
}

export async function startScaleOut(parts: { env: Env & { REDIS_URL: string }; pool: pg.Pool; log: Logger; registry: DocumentRegistry }): Promise<ScaleOut> {
  const { env, pool, registry } = parts;
  const node = `${env.NODE_NAME ?? os.hostname().slice(0, 40)}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const log = parts.log.child({ component: 'scale', node });
  const redis: RedisConnections = openRedisConnections(env.REDIS_URL, log);
  const reachable = await redisReady(redis, STARTUP_WAIT_MS);
  if (!reachable) log.warn({ waitedMs: STARTUP_WAIT_MS }, 'Redis not reachable at start; serving degraded until it is');

  let ctx: AppContext | null = null;
  const streams = new DocumentStreams({
    pool,
    redis,
    log,
    node,
    maxLen: env.REDIS_STREAM_MAXLEN,
    applyStatus: (documentId, status) => ctx?.documents.setStatus(documentId, status)?.committed(),
  });
  const awareness = new AwarenessFanout(redis, node, log);
  const claim = durableClientIdClaims(pool);
  const fanout: DocumentFanout = {
    opening: (documentId) => streams.opening(documentId),
    opened(document: CollabDocument) {
      streams.opened(document);
      document.claimDurably = (owner, clients) => claim(document.id, owner, clients);
      awareness.opened(document);
    },
    closed(document: CollabDocument) {
      awareness.closed(document);
      streams.closed(document);
    },
  };
  const exclusive = advisoryLockRunner(pool, log);
  registry.fanout = fanout;
  registry.exclusive = exclusive;

  let facts: ClusterFacts | null = null;
  let antiEntropyRunning: Promise<number> | null = null;
  const antiEntropy = (): Promise<number> => {
    antiEntropyRunning ??= (async () => {
      const before = streams.stats.repairs;
      for (const document of streams.openDocuments()) await streams.catchUp(document, 'anti-entropy');
      const repairs = streams.stats.repairs - before;
      if (repairs > 0) log.warn({ repairs, total: streams.stats.repairs }, 'anti-entropy repaired documents from PostgreSQL');
      return repairs;
    })().finally(() => {
      antiEntropyRunning = null;
    });
    return antiEntropyRunning;
  };
  const timer = setInterval(() => void antiEntropy().catch((err: unknown) => log.error({ err }, 'anti-entropy failed')), env.ANTI_ENTROPY_SECONDS * 1000);
  timer.unref();

  log.info({ redis: redis.health() }, 'scale-out on: updates, presence and events shared through Redis');
  return {
    node,
    exclusive,
    socketOptions: {
      adapter: createAdapter(redis.adapter, { streamName: 'concordia:socket.io', maxLen: 10_000 }) as ServerOptions['adapter'],
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    },
    start(appContext) {
      ctx = appContext;
      facts = shareClusterFacts(appContext, redis, node);
      streams.start();
    },
    health() {
      const state = redis.health();
      return {
        node,
        redis: state,
        degraded: state !== 'ok',
        streams: streams.stats,
        awareness: awareness.stats,
        facts: facts?.stats ?? { published: 0, applied: 0, failures: 0 },
        openDocuments: streams.openDocuments().length,
      };
    },
    antiEntropy,
    async stop() {
      clearInterval(timer);
      facts?.stop();
      await antiEntropyRunning?.catch(() => undefined);
      await streams.stop();
      await redis.close();
    },
  };
}
