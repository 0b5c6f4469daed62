/**
 * `npm run bench:observers`: one document, a few writers typing and many thin observers that only
 * listen (issue 18, "Many observers"; yhub publishes p99 < 44 ms for 1,500 observers on a laptop).
 *
 *   BENCH_DATABASE_URL  PostgreSQL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_OBSERVERS     observers (default 1000), spread over BENCH_OBSERVER_PROCESSES child processes (default 2)
 *   BENCH_WRITERS       writers (default 5) at BENCH_RATE edits/s each (default 5), in this process
 *   BENCH_SECONDS       measured seconds (default 20) after BENCH_WARMUP seconds (default 5)
 *
 * Latency is writer's send → observer's receipt of the marker, across processes on one clock. The
 * generator is this process plus its children: their CPU and event-loop delay print beside the figures.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openBenchDatabase } from './bench-database';
import { startServer } from './server-process';
import { LatencyHistogram } from './latency-histogram';
import { ThinClient, type SendTimes } from './thin-client';
import { cpuByName, cpuDelta, cpuSeconds, sampleRss } from './process-usage';
import { fixed, loadAverage, seedDocument, sleep } from './seed-document';

const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

interface ChildReport {
  type: 'report';
  latencies: number[];
  cpuSeconds: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

function waitFor<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string; error?: string }) => {
      if (message.type === type) {
        child.off('message', onMessage);
        resolve(message as T);
      } else if (message.type === 'failed') reject(new Error(message.error));
    };
    child.on('message', onMessage);
  });
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const observers = number('BENCH_OBSERVERS', 1000);
  const processes = Math.max(1, number('BENCH_OBSERVER_PROCESSES', 2));
  const writers = number('BENCH_WRITERS', 5);
  const rate = number('BENCH_RATE', 5);
  const seconds = number('BENCH_SECONDS', 20);
  const warmup = number('BENCH_WARMUP', 5);
  const loadBefore = loadAverage();
  const database = await openBenchDatabase(url);
  const server = await startServer(database.serverUrl);
  const children: ChildProcess[] = [];
  const writerClients: ThinClient[] = [];
  try {
    const initialState = seedDocument(writers);
    const documentId = await database.createDocument(initialState);
    const wsUrl = `${server.wsUrl}/collab/${documentId}`;
    const perChild = Math.ceil(observers / processes);
    for (let p = 0; p < processes; p += 1) {
      const count = Math.min(perChild, observers - p * perChild);
      if (count <= 0) break;
      const child = fork(path.join(__dirname, 'observer-child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      child.once('exit', (code, signal) => {
        if (code !== 0) console.error(`observer process ${p} exited: ${code ?? signal}`);
      });
      const synced = waitFor(child, 'synced');
      child.send({ type: 'start', url: wsUrl, origin: server.origin, count, firstIndex: 1000 + p * perChild, initialState: [...initialState], clauseId: 'b0' });
      await synced;
    }
    const sendTimes: SendTimes = [];
    for (let i = 0; i < writers; i += 1)
      writerClients.push(new ThinClient({ url: wsUrl, origin: server.origin, index: i, initialState, clauseId: `b${i}`, sendTimes, onMarker() {} }));
    await Promise.all(writerClients.map((c) => c.synced));
    console.log(`${observers} observers in ${children.length} child process(es) and ${writers} writers synced; load average ${loadBefore}`);

    const type = (writer: ThinClient, index: number) => {
      writer.type();
      const seq = writer.seq - 1;
      const at = performance.timeOrigin + sendTimes[index][seq];
      for (const child of children) child.send({ type: 'sent', from: index, seq, at });
    };
    const timers: NodeJS.Timeout[] = [];
    writerClients.forEach((writer, i) =>
      timers.push(
        setTimeout(
          () => {
            type(writer, i);
            timers.push(setInterval(() => type(writer, i), 1000 / rate));
          },
          ((1000 / rate) * i) / writers,
        ),
      ),
    );
    await sleep(warmup * 1000);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const start = performance.timeOrigin + performance.now();
    for (const child of children) child.send({ type: 'window', start, end: null });
    const serverCpu = cpuSeconds(server.pid)!;
    const postgres = cpuByName('postgres');
    const ownCpu = process.cpuUsage();
    const rss = sampleRss(server.pid);
    const probe = database.probeCommits(50);
    const sentAtStart = writerClients.reduce((sum, c) => sum + c.seq, 0);
    await sleep(seconds * 1000);
    const end = performance.timeOrigin + performance.now();
    const sent = writerClients.reduce((sum, c) => sum + c.seq, 0) - sentAtStart;
    const wall = (end - start) / 1000;
    for (const child of children) child.send({ type: 'window', start, end });
    const own = process.cpuUsage(ownCpu);
    const serverPercent = ((cpuSeconds(server.pid)! - serverCpu) / wall) * 100;
    const postgresPercent = (cpuDelta(postgres, cpuByName('postgres')) / wall) * 100;
    const { maxMiB } = rss.stop();
    loop.disable();
    const commit = await probe.stop();
    for (const timer of timers) clearInterval(timer);
    await sleep(3000);
    const reports = await Promise.all(
      children.map((child) => {
        const report = waitFor<ChildReport>(child, 'report');
        child.send({ type: 'report' });
        return report;
      }),
    );
    const histogram = new LatencyHistogram();
    for (const report of reports) for (const ms of report.latencies) histogram.record(ms);
    const childCpu = reports.reduce((sum, r) => sum + r.cpuSeconds, 0);
    const parentPercent = ((own.user + own.system) / 1e6 / wall) * 100;
    const childPercents = reports.map((r) => (r.cpuSeconds / wall) * 100);
    const loadAfter = loadAverage();
    const p99 = histogram.quantile(0.99);
    const delivered = sent === 0 ? 0 : (histogram.count / (sent * observers)) * 100;
    console.log(`\nMany observers: ${observers} observers, ${writers} writers × ${rate}/s, ${seconds} s measured`);
    console.log(
      '| p50 ms | p95 ms | p99 ms | max ms | delivered | server CPU | server RSS max | PostgreSQL CPU | generator CPU (writers / each observer process) | generator event-loop delay p99 / max (writers; observer processes) | commit p99 | load avg before → after |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${fixed(histogram.quantile(0.5), 2)} | ${fixed(histogram.quantile(0.95), 2)} | ${fixed(p99, 2)} | ${fixed(histogram.max, 1)} | ${fixed(delivered, 2)} % | ${fixed(serverPercent)} % | ${fixed(maxMiB)} MiB | ${fixed(postgresPercent)} % | ${fixed(parentPercent + (childCpu / wall) * 100)} % (${fixed(parentPercent)} / ${childPercents.map((c) => fixed(c)).join(', ')}) | ${fixed(loop.percentile(99) / 1e6)} / ${fixed(loop.max / 1e6)} ms; ${reports.map((r) => `${fixed(r.loopP99Ms)} / ${fixed(r.loopMaxMs)}`).join(', ')} ms | ${fixed(commit.p99, 2)} ms | ${loadBefore} → ${loadAfter} |`,
    );
    console.log(`Target p99 < 44 ms: ${p99 < 44 ? 'met' : 'NOT met'} (${fixed(p99, 2)} ms)`);
  } finally {
    for (const client of writerClients) client.close();
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await server.stop();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
