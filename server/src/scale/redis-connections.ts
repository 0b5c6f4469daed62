/**
 * The Redis connections of one node, each with one job, and whether Redis answers.
 *
 *  - `command`: XADD, PUBLISH, cursors. Never queues while Redis is away (a command fails at once):
 *    what it would carry is in PostgreSQL already, and the node says it is degraded instead.
 *  - `reader`: the blocking XREAD of every document this node has open (document-stream.ts). Blocking
 *    commands hold their connection, so nothing else ever uses it.
 *  - `subscriber`: pub/sub (awareness, cluster facts); ioredis subscribes again after reconnecting.
 *  - `adapter`: socket.io's redis-streams-adapter, which blocks on its own reads too.
 *
 * Redis never holds the only copy of anything: losing it costs latency between nodes, never an update.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger';

export type RedisHealth = 'ok' | 'unreachable';

export interface RedisConnections {
  command: Redis;
  reader: Redis;
  subscriber: Redis;
  adapter: Redis;
  /** 'ok' while the command connection is ready. */
  health(): RedisHealth;
  /** Called each time the command connection is ready again after having been lost. */
  onReconnected(listener: () => void): void;
  close(): Promise<void>;
}

/** Reconnects quickly, then every second at most: a node away from Redis comes back within a second of it. */
const retryStrategy = (times: number) => Math.min(50 * times, 1000);

export function openRedisConnections(url: string, log: Logger): RedisConnections {
  const base: RedisOptions = { retryStrategy, connectTimeout: 2000, lazyConnect: false };
  const command = new Redis(url, { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'concordia-command' });
  const reader = new Redis(url, {
    ...base,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    autoResendUnfulfilledCommands: false,
    connectionName: 'concordia-stream-reader',
  });
  const subscriber = new Redis(url, { ...base, maxRetriesPerRequest: null, connectionName: 'concordia-subscriber' });
  const adapter = new Redis(url, { ...base, maxRetriesPerRequest: null, connectionName: 'concordia-socketio' });

  let healthy = false;
  let lost = false;
  const reconnected: Array<() => void> = [];
  command.on('ready', () => {
    healthy = true;
    if (lost) {
      lost = false;
      log.info('Redis reachable again; open documents catch up from PostgreSQL');
      for (const listener of reconnected) listener();
    }
  });
  command.on('close', () => {
    if (healthy) log.warn('Redis connection lost; serving this node’s clients from PostgreSQL alone (degraded)');
    healthy = false;
    lost = true;
  });
  // ioredis reports every failed attempt; the state changes above are what a reader of the logs needs.
  let lastErrorLog = 0;
  for (const client of [command, reader, subscriber, adapter]) {
    client.on('error', (err: Error) => {
      if (Date.now() - lastErrorLog < 10_000) return;
      lastErrorLog = Date.now();
      log.warn({ err: err.message }, 'Redis error');
    });
  }

  return {
    command,
    reader,
    subscriber,
    adapter,
    health: () => (healthy && command.status === 'ready' ? 'ok' : 'unreachable'),
    onReconnected: (listener) => reconnected.push(listener),
    async close() {
      for (const client of [command, reader, subscriber, adapter]) client.disconnect();
    },
  };
}

/** Resolves once the command connection is ready, or after `timeoutMs` (a node may start without Redis, degraded). */
export function redisReady(connections: RedisConnections, timeoutMs: number): Promise<boolean> {
  if (connections.health() === 'ok') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      connections.command.off('ready', ready);
      resolve(false);
    }, timeoutMs);
    const ready = () => {
      clearTimeout(timer);
      resolve(true);
    };
    connections.command.once('ready', ready);
  });
}
