/**
 * Propagation between clients on the same node and on another node (issue 17): two Concordia nodes
 * as child processes on the machine's PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, a schema
 * of its own) and a Redis of its own (redis-server on a free port). WRITERS clients on node A each
 * type one edit every INTERVAL_MS for SECONDS; a reader on A and a reader on B record, for every edit,
 * how long after it was typed it arrived. Same machine, one clock: the difference between the two is
 * what the Redis stream adds to the durable relay.
 *
 *   npx tsx bench/scale/cross-node-propagation.ts        WRITERS=10 INTERVAL_MS=200 SECONDS=20
 */
import * as Y from 'yjs';
import { openBenchDatabase } from '../collab/bench-database';
import { LatencyHistogram } from '../collab/latency-histogram';
import { spawnServer, type SpawnedServer } from '../../tests/utils/spawn-server';
import { startTestRedis } from '../../tests/utils/redis-server';
import { connectClient, type CollabClient } from '../../tests/utils/collab-client';
import { seedClauses } from '../../tests/utils/clause-edits';
import { waitFor } from '../../tests/utils/wait';
import { clauseFragment, getClause } from '../../shared/src/index';

const WRITERS = Number(process.env.WRITERS ?? 10);
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 20);

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const db = await openBenchDatabase(url);
  const redis = await startTestRedis();
  const servers: SpawnedServer[] = [];
  const clients: CollabClient[] = [];
  try {
    const env = { DATABASE_URL: db.serverUrl, DATABASE_POOL_SIZE: '4', DEMO: '0', COLLAB_DEV_OPEN: '1', LOG_LEVEL: 'warn', REDIS_URL: redis.url };
    servers.push(...(await Promise.all(['a', 'b'].map((name) => spawnServer({ ...env, NODE_NAME: name })))));
    const [a, b] = servers.map((s) => `ws://127.0.0.1:${s.port}`);
    const documentId = await db.createDocument();
    const writers = Array.from({ length: WRITERS }, () => connectClient(a, documentId));
    const readers = { same: connectClient(a, documentId), other: connectClient(b, documentId) };
    clients.push(...writers, readers.same, readers.other);
    await Promise.all(clients.map((c) => c.synced()));
    seedClauses(writers[0].doc, 1);
    await waitFor(() => clients.every((c) => getClause(c.doc, 'c0') !== undefined), 'the clause everywhere', 30_000);

    const typedAt = new Map<string, number>();
    const histograms = { same: new LatencyHistogram(), other: new LatencyHistogram() };
    for (const [where, reader] of Object.entries(readers) as ['same' | 'other', CollabClient][]) {
      const seen = new Set<string>();
      reader.doc.on('update', () => {
        const now = performance.now();
        const text = ['en', 'es'].map((lang) => clauseFragment(reader.doc, 'c0', lang).toString()).join('');
        for (const marker of text.match(/~\d+\.\d+~/g) ?? []) {
          if (seen.has(marker)) continue;
          seen.add(marker);
          const at = typedAt.get(marker);
          if (at !== undefined) histograms[where].record(now - at);
        }
      });
    }
    let n = 0;
    const started = performance.now();
    const timers = writers.map((writer, index) =>
      setInterval(
        () => {
          const marker = `~${index}.${n++}~`;
          typedAt.set(marker, performance.now());
          writer.doc.transact(() => {
            const text = (clauseFragment(writer.doc, 'c0', n % 2 === 0 ? 'en' : 'es').get(0) as Y.XmlElement).get(0) as Y.XmlText;
            text.insert(text.length, marker);
          }, 'bench');
        },
        INTERVAL_MS + index, // not all in one tick
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    for (const timer of timers) clearInterval(timer);
    await waitFor(
      () => histograms.other.count >= typedAt.size && histograms.same.count >= typedAt.size,
      () => `every edit at both readers (typed ${typedAt.size}, same node ${histograms.same.count}, other node ${histograms.other.count})`,
      30_000,
    );
    const elapsed = (performance.now() - started) / 1000;
    const row = (h: LatencyHistogram) => `n=${h.count} p50=${h.quantile(0.5).toFixed(2)} ms p99=${h.quantile(0.99).toFixed(2)} ms max=${h.max.toFixed(1)} ms`;
    process.stdout.write(
      `${WRITERS} writers on node A, one edit each every ${INTERVAL_MS} ms for ${elapsed.toFixed(0)} s (${(typedAt.size / elapsed).toFixed(0)} edits/s)\n` +
        `  reader on the same node:  ${row(histograms.same)}\n` +
        `  reader on the other node: ${row(histograms.other)}\n`,
    );
  } catch (err) {
    for (const server of servers)
      process.stderr.write(
        server
          .output()
          .split('\n')
          .filter((l) => l.includes('"level":40') || l.includes('"level":50'))
          .slice(0, 5)
          .join('\n') + '\n',
      );
    throw err;
  } finally {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.kill('SIGKILL');
    await redis.kill();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
