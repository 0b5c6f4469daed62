/**
 * `npm run bench:memory`: the server's memory over a long session (issue 18, "Memory of a long
 * session"): clients on one document typing steadily, the server's RSS sampled every 10 s; after the
 * first minute (warm-up) it must grow less than 5 %.
 *
 *   BENCH_DATABASE_URL  PostgreSQL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_CLIENTS       clients (default 50) at BENCH_RATE edits/s each (default 2)
 *   BENCH_MINUTES       minutes in all (default 3); `--long` or LONG=1 runs 30
 *
 * Growth is the last sample against the first sample after the warm-up minute; the largest sample
 * after warm-up prints beside it. The 10-second samples print as they come.
 */
import { openBenchDatabase } from './bench-database';
import { startServer } from './server-process';
import { LatencyHistogram } from './latency-histogram';
import { ThinClient, type SendTimes } from './thin-client';
import { cpuSeconds, rssMiB } from './process-usage';
import { fixed, loadAverage, seedDocument, sleep } from './seed-document';

const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const SAMPLE_MS = 10_000;
const WARMUP_MS = 60_000;

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const long = process.argv.includes('--long') || process.env.LONG === '1';
  const minutes = long ? 30 : number('BENCH_MINUTES', 3);
  const n = number('BENCH_CLIENTS', 50);
  const rate = number('BENCH_RATE', 2);
  const loadBefore = loadAverage();
  const database = await openBenchDatabase(url);
  const server = await startServer(database.serverUrl);
  const clients: ThinClient[] = [];
  try {
    const initialState = seedDocument(n);
    const documentId = await database.createDocument(initialState);
    const sendTimes: SendTimes = [];
    const histogram = new LatencyHistogram();
    let measuring = false;
    for (let i = 0; i < n; i += 1)
      clients.push(
        new ThinClient({
          url: `${server.wsUrl}/collab/${documentId}`,
          origin: server.origin,
          index: i,
          initialState,
          clauseId: `b${i}`,
          sendTimes,
          onMarker(from, seq, at) {
            if (measuring) histogram.record(at - sendTimes[from][seq]);
          },
        }),
      );
    await Promise.all(clients.map((c) => c.synced));
    console.log(`${n} clients × ${rate}/s for ${minutes} min; load average ${loadBefore}`);
    console.log('| t (s) | server RSS (MiB) | load avg (1 min) |');
    console.log('|---|---|---|');
    const timers: NodeJS.Timeout[] = [];
    clients.forEach((c, i) =>
      timers.push(
        setTimeout(
          () => {
            c.type();
            timers.push(setInterval(() => c.type(), 1000 / rate));
          },
          ((1000 / rate) * i) / n,
        ),
      ),
    );
    const started = performance.now();
    const serverCpu = cpuSeconds(server.pid)!;
    const ownCpu = process.cpuUsage();
    const samples: { t: number; rss: number }[] = [];
    const totalMs = minutes * 60_000;
    for (let t = SAMPLE_MS; t <= totalMs; t += SAMPLE_MS) {
      await sleep(started + t - performance.now());
      if (t > WARMUP_MS) measuring = true;
      const rss = rssMiB(server.pid)!;
      samples.push({ t: t / 1000, rss });
      console.log(`| ${t / 1000} | ${fixed(rss)} | ${loadAverage().split(' / ')[0]} |`);
    }
    const wall = (performance.now() - started) / 1000;
    const own = process.cpuUsage(ownCpu);
    const serverPercent = ((cpuSeconds(server.pid)! - serverCpu) / wall) * 100;
    for (const timer of timers) clearInterval(timer);
    // A run shorter than the warm-up compares against its first sample.
    const afterWarmup = samples.some((s) => s.t * 1000 >= WARMUP_MS) ? samples.filter((s) => s.t * 1000 >= WARMUP_MS) : samples;
    const base = afterWarmup[0].rss;
    const last = afterWarmup[afterWarmup.length - 1].rss;
    const peak = Math.max(...afterWarmup.map((s) => s.rss));
    const growth = ((last - base) / base) * 100;
    const sent = clients.reduce((sum, c) => sum + c.seq, 0);
    console.log(`\nLong session: ${n} clients × ${rate}/s, ${minutes} min, ${sent} edits`);
    console.log(
      '| RSS at 60 s | RSS at end | largest after 60 s | growth after warm-up | p50 / p99 after warm-up | server CPU | generator CPU | load avg before → after |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${fixed(base)} MiB | ${fixed(last)} MiB | ${fixed(peak)} MiB | ${fixed(growth, 2)} % | ${fixed(histogram.quantile(0.5), 2)} / ${fixed(histogram.quantile(0.99), 2)} ms | ${fixed(serverPercent)} % | ${fixed(((own.user + own.system) / 1e6 / wall) * 100)} % | ${loadBefore} → ${loadAverage()} |`,
    );
    console.log(`Target growth < 5 % after warm-up: ${growth < 5 ? 'met' : 'NOT met'} (${fixed(growth, 2)} %)`);
  } finally {
    for (const c of clients) c.close();
    await server.stop();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
