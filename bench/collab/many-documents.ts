/**
 * `npm run bench:documents`: many documents open at once on one server process, a few clients each
 * (issue 18, "Many documents"; yhub measured 11.3 × the encoded size per open document), then every
 * client leaves and the memory must come back as the documents unload.
 *
 *   BENCH_DATABASE_URL  PostgreSQL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_DOCUMENTS     documents (default 100), BENCH_CLIENTS clients each (default 5) at BENCH_RATE edits/s (default 1)
 *   BENCH_FILLER        clauses of a paragraph in each document besides the clients' own (default 50: about 45 KiB encoded)
 *   BENCH_SECONDS       measured seconds (default 20) after BENCH_WARMUP seconds (default 3)
 *
 * The server runs with its inspector open (server-inspector.ts) so the benchmark can force a full GC
 * there before each memory reading: after one warm-up document came and went, with every document open
 * and idle, and after every client left.
 */
import * as Y from 'yjs';
import { docFromDatabase } from '../../tests/utils/factories';
import { openBenchDatabase } from './bench-database';
import { startServer } from './server-process';
import { INSPECT_ENV, inspectServer, type ServerMemory } from './server-inspector';
import { LatencyHistogram } from './latency-histogram';
import { ThinClient, type SendTimes } from './thin-client';
import { cpuSeconds, sampleRss } from './process-usage';
import { fixed, loadAverage, seedDocument, sleep } from './seed-document';

const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const documents = number('BENCH_DOCUMENTS', 100);
  const perDocument = number('BENCH_CLIENTS', 5);
  const rate = number('BENCH_RATE', 1);
  const seconds = number('BENCH_SECONDS', 20);
  const warmup = number('BENCH_WARMUP', 3);
  const filler = number('BENCH_FILLER', 50);
  const loadBefore = loadAverage();
  const database = await openBenchDatabase(url);
  const server = await startServer(database.serverUrl, INSPECT_ENV);
  const inspector = await inspectServer(server);
  const clients: ThinClient[] = [];
  try {
    const initialState = seedDocument(perDocument, filler);
    const histogram = new LatencyHistogram();
    let windowStart = Infinity;
    let windowEnd = Infinity;
    const join = (documentId: string, sendTimes: SendTimes) =>
      Array.from(
        { length: perDocument },
        (_, i) =>
          new ThinClient({
            url: `${server.wsUrl}/collab/${documentId}`,
            origin: server.origin,
            index: i,
            initialState,
            clauseId: `b${i}`,
            sendTimes,
            onMarker(from, seq, at) {
              const sentAt = sendTimes[from]?.[seq];
              if (sentAt !== undefined && sentAt >= windowStart && sentAt <= windowEnd) histogram.record(at - sentAt);
            },
          }),
      );

    // One document comes and goes first, so code loaded on first use is in the baseline.
    const warm = join(await database.createDocument(initialState), []);
    await Promise.all(warm.map((c) => c.synced));
    for (const c of warm) c.type();
    await sleep(1000);
    for (const c of warm) c.close();
    await sleep(2000);
    const before = await inspector.collectAndMeasure();

    const ids: string[] = [];
    for (let d = 0; d < documents; d += 1) ids.push(await database.createDocument(initialState));
    for (const id of ids) {
      // A document's clients share its send times (the markers' `from` is the index within it).
      const joined = join(id, []);
      clients.push(...joined);
      await Promise.all(joined.map((c) => c.synced));
    }
    console.log(`${documents} documents × ${perDocument} clients synced; load average ${loadBefore}`);

    const timers: NodeJS.Timeout[] = [];
    clients.forEach((c, i) =>
      timers.push(
        setTimeout(
          () => {
            c.type();
            timers.push(setInterval(() => c.type(), 1000 / rate));
          },
          ((1000 / rate) * i) / clients.length,
        ),
      ),
    );
    await sleep(warmup * 1000);
    const serverCpu = cpuSeconds(server.pid)!;
    const ownCpu = process.cpuUsage();
    const rss = sampleRss(server.pid);
    windowStart = performance.now();
    await sleep(seconds * 1000);
    windowEnd = performance.now();
    const wall = (windowEnd - windowStart) / 1000;
    const own = process.cpuUsage(ownCpu);
    const serverPercent = ((cpuSeconds(server.pid)! - serverCpu) / wall) * 100;
    const { maxMiB } = rss.stop();
    for (const timer of timers) clearInterval(timer);
    await sleep(3000);
    const open = await inspector.collectAndMeasure();

    // The encoded size of each document as it now is (every client's markers in it).
    let encoded = 0;
    for (const id of ids) {
      const doc = await docFromDatabase(database.pool, id);
      encoded += Y.encodeStateAsUpdate(doc).byteLength;
      doc.destroy();
    }
    const encodedMean = encoded / documents;

    for (const c of clients) c.close();
    await sleep(5000);
    const after = await inspector.collectAndMeasure();
    await sleep(10_000);
    const later = await inspector.collectAndMeasure();
    const loadAfter = loadAverage();

    const per = (a: ServerMemory, b: ServerMemory, key: keyof ServerMemory) => ((a[key] - b[key]) * 1024 * 1024) / documents;
    const heapPer = per(open, before, 'heapUsedMiB') + per(open, before, 'externalMiB');
    const rssPer = per(open, before, 'rssMiB');
    console.log(`\nMany documents: ${documents} documents × ${perDocument} clients × ${rate}/s (${perDocument + filler} clauses each), ${seconds} s measured`);
    console.log(
      `| p50 ms | p99 ms | max ms | server CPU | server RSS max | generator CPU | encoded size per document | heap+external per open document | RSS per open document | load avg before → after |`,
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${fixed(histogram.quantile(0.5), 2)} | ${fixed(histogram.quantile(0.99), 2)} | ${fixed(histogram.max, 1)} | ${fixed(serverPercent)} % | ${fixed(maxMiB)} MiB | ${fixed(((own.user + own.system) / 1e6 / wall) * 100)} % | ${fixed(encodedMean / 1024, 2)} KiB | ${fixed(heapPer / 1024, 1)} KiB (${fixed(heapPer / encodedMean)} ×) | ${fixed(rssPer / 1024, 1)} KiB (${fixed(rssPer / encodedMean)} ×) | ${loadBefore} → ${loadAfter} |`,
    );
    console.log('\nServer memory after a forced full GC (MiB):');
    console.log('| when | RSS | heap used | external | array buffers |');
    console.log('|---|---|---|---|---|');
    for (const [label, m] of [
      ['one warm-up document came and went', before],
      [`${documents} documents open, idle`, open],
      ['5 s after every client left', after],
      ['15 s after every client left', later],
    ] as const)
      console.log(`| ${label} | ${fixed(m.rssMiB)} | ${fixed(m.heapUsedMiB)} | ${fixed(m.externalMiB)} | ${fixed(m.arrayBuffersMiB)} |`);
    const returned = (open.heapUsedMiB - later.heapUsedMiB) / (open.heapUsedMiB - before.heapUsedMiB);
    console.log(`\nHeap returned after the documents unloaded: ${fixed(returned * 100)} % of what the ${documents} open documents took`);
    console.log(
      `Target per open document ≤ 15 × encoded size: ${heapPer / encodedMean <= 15 ? 'met' : 'NOT met'} (heap+external ${fixed(heapPer / encodedMean)} ×, RSS ${fixed(rssPer / encodedMean)} ×)`,
    );
  } finally {
    for (const c of clients) c.close();
    inspector.close();
    await server.stop();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
