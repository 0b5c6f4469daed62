/**
 * `npm run bench:scale`: 1, 2 and 3 Concordia nodes on this machine's PostgreSQL and a Redis of the
 * run's own, clients spread round-robin over the nodes (issue 17).
 *
 *   BENCH_DATABASE_URL  PostgreSQL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test);
 *                       a schema of the run's own, dropped at the end
 *   NODES               comma-separated node counts (default 1,2,3); "1r" is one node with Redis on
 *                       ("1" is one node without Redis: today's single process)
 *   SCENARIOS           A (A_CLIENTS=200 clients on one document) and/or B (B_CLIENTS=500 over
 *                       B_DOCUMENTS=50 documents); default A,B. A_WRITERS / B_WRITERS: how many type (default all)
 *   RATE                edits per second per writer (default 5)
 *   SECONDS, WARMUP     measured window and warm-up per run (default 20 and 3); DRAIN: how long to wait for
 *                       the last edits (and the stock clients to converge) after the typing stops (default 30)
 *   FACT_SAMPLES        samples of the one-second facts on two nodes: archives and sign-outs (default 5;
 *                       0 to skip), FREEZE_SAMPLES freezes (default 3: each approves every clause of a copy first)
 *   SERVER_ENV          extra node settings, e.g. "DATABASE_POOL_SIZE=4"
 *   PROFILE_DIR         run every node under V8's profiler; <dir>/<schema>-r<run>-n<node>.cpuprofile when it stops
 *
 * Every run starts fresh nodes and a fresh Redis, on fresh documents. CPU is in % of one core.
 */
import os from 'node:os';
import { openBenchDatabase } from '../collab/bench-database';
import { startCluster } from './cluster';
import { runSpreadLoad, type LoadOptions, type LoadResult } from './spread-load';
import { measureFactLatency, type FactLatency } from './fact-latency';
import { printFacts, printRow, TABLE_HEADER } from './report';

const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const nodeCounts = (process.env.NODES ?? '1,2,3').split(',').filter(Boolean);
  const seconds = number('SECONDS', 20);
  const warmupSeconds = number('WARMUP', 3);
  const rate = number('RATE', 5);
  const aClients = number('A_CLIENTS', 200);
  const bClients = number('B_CLIENTS', 500);
  const scenarios: Record<string, Omit<LoadOptions, 'warmupSeconds' | 'seconds' | 'rate' | 'drainSeconds'>> = {
    A: { label: 'A', clients: aClients, documents: 1, writers: number('A_WRITERS', aClients), fullDocuments: 1 },
    B: { label: 'B', clients: bClients, documents: number('B_DOCUMENTS', 50), writers: number('B_WRITERS', bClients), fullDocuments: 2 },
  };
  const chosen = (process.env.SCENARIOS ?? 'A,B').split(',').filter((s) => s in scenarios);
  const serverEnv = Object.fromEntries(
    (process.env.SERVER_ENV ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  console.log(
    `Concordia scale-out benchmark — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ` +
      `${seconds} s measured after ${warmupSeconds} s warm-up, ${rate} edits/s per writer; CPU in % of one core (${os.cpus().length * 100} % in all)`,
  );
  if (Object.keys(serverEnv).length > 0) console.log(`Node settings: ${JSON.stringify(serverEnv)}`);
  const database = await openBenchDatabase(url);
  const results: LoadResult[] = [];
  let facts: FactLatency | null = null;
  try {
    console.log(`\n${TABLE_HEADER}`);
    for (const label of chosen) {
      for (const count of nodeCounts) {
        const cluster = await startCluster(database, Number.parseInt(count, 10), {
          env: serverEnv,
          redisForOne: count.endsWith('r'),
          profileDir: process.env.PROFILE_DIR,
        });
        try {
          const result = await runSpreadLoad(cluster, database, { ...scenarios[label], rate, seconds, warmupSeconds, drainSeconds: number('DRAIN', 30) });
          results.push(result);
          printRow(result, cluster.redis !== null);
        } catch (err) {
          console.error(cluster.complaints());
          throw err;
        } finally {
          await cluster.stop();
        }
      }
    }
    const samples = number('FACT_SAMPLES', 5);
    if (samples > 0) {
      const cluster = await startCluster(database, 2, { env: { ...serverEnv, DEMO: '1', LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '1000' } });
      try {
        facts = await measureFactLatency(cluster, database, samples, number('FREEZE_SAMPLES', 3));
        printFacts(facts);
      } catch (err) {
        console.error(cluster.complaints());
        throw err;
      } finally {
        await cluster.stop();
      }
    }
  } finally {
    await database.drop();
  }
  console.log(`\nJSON ${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, results, facts })}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
