/**
 * `npm run bench:collab`: the collab endpoint under load, on this machine's PostgreSQL.
 *
 *   BENCH_DATABASE_URL  PostgreSQL to use (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test);
 *                       the benchmark works in a schema of its own and drops it at the end
 *   BENCH_SCENARIOS     scenarios as clients x rate, comma-separated (default 50x5,200x1,200x5; empty for none)
 *   BENCH_CLIENTS       the older form: comma-separated client counts, all at BENCH_RATE (default 5) edits/s
 *   BENCH_PEERS         real peers to measure beside Concordia (default y-websocket-server,hocuspocus; empty for none)
 *   BENCH_SECONDS       measured seconds per scenario (default 20), after BENCH_WARMUP seconds (default 3)
 *   BENCH_COLD_LOAD     0 to skip the cold-load measurement
 *   BENCH_SERVER_ENV    extra server settings for an experiment, e.g. "COMPACT_AFTER_UPDATES=100000,DATABASE_POOL_SIZE=4"
 *   BENCH_REFERENCE     0 to skip the self-written reference relay (an extra row)
 *
 * Every scenario runs against a freshly started server process (NODE_ENV=production, LOG_LEVEL=warn,
 * COLLAB_DEV_OPEN=1) and a fresh document, then the same load against each real peer (peers.ts, each its
 * own process from bench/peers/node_modules) and the reference relay (reference-relay.ts), one after another
 * in the same conditions; then the targets as ratios to the better peer of that scenario. Results print
 * as tables and as JSON.
 */
import os from 'node:os';
import { openBenchDatabase } from './bench-database';
import { startReferenceRelay, startServer } from './server-process';
import { startPeer, type PeerName } from './peers';
import { peerTargets, printTargets, PEER_LABELS, type TargetRow } from './peer-targets';
import { runTypingScenario, type ScenarioResult } from './typing-scenario';
import { measureColdLoad, type ColdLoadResult } from './cold-load';

const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};

function printScenario(r: ScenarioResult): void {
  const delivered = r.expectedReceipts === 0 ? 0 : (r.receipts / r.expectedReceipts) * 100;
  console.log(
    [
      `| ${r.target} | ${r.clients} × ${r.rate}/s`,
      `${fixed(r.latency.p50, 2)}`,
      `${fixed(r.latency.p95, 2)}`,
      `${fixed(r.latency.p99, 2)}`,
      `${fixed(r.latency.max, 1)}`,
      `${fixed(r.updatesPerSecond)}`,
      `${fixed(delivered, 2)} %`,
      `${fixed(r.framesPerReceiverPerSecond)}`,
      r.commits === 0 && r.rows === 0 ? '—' : `${r.commits} / ${fixed(r.meanBatch, 2)}`,
      `${fixed(r.serverCpuPercent)} %`,
      `${fixed(r.serverCpuMicrosPerDelivered, 2)} µs`,
      `${fixed(r.serverRssMaxMiB)} MiB`,
      `${fixed(r.postgresCpuPercent)} %`,
      `${fixed(r.generatorCpuPercent)} %`,
      `${os.loadavg()[0].toFixed(2)}`,
      `${r.converged === null ? 'n/a (no full client)' : r.converged && r.markersInFullClients === r.markersSent ? 'yes' : `NO (${r.markersInFullClients}/${r.markersSent} markers)`} |`,
    ].join(' | '),
  );
}

function printColdLoad(c: ColdLoadResult): void {
  console.log(
    `\nCold load: ${c.rows} stored updates (${fixed(c.bytes / 1024, 0)} KiB), full snapshot ${fixed(c.snapshotBytes / 1024, 0)} KiB; content ${c.contentMatches ? 'matches' : 'DOES NOT MATCH'} the built document in every run`,
  );
  console.log('| stored as | connect → synced, each run (ms) | median | server "document loaded", each run (ms) | median |');
  console.log('|---|---|---|---|---|');
  for (const variant of c.variants) {
    const client = variant.runs.map((r) => r.connectToSyncedMs);
    const server = variant.runs.map((r) => r.serverLoadMs ?? NaN);
    console.log(
      `| ${variant.label} | ${client.map((v) => fixed(v, 0)).join(', ')} | ${fixed(median(client), 0)} | ${server.map((v) => fixed(v, 0)).join(', ')} | ${fixed(median(server), 0)} |`,
    );
  }
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const scenarios =
    process.env.BENCH_CLIENTS !== undefined
      ? process.env.BENCH_CLIENTS.split(',')
          .filter(Boolean)
          .map((clients) => ({ clients: Number(clients), rate: number('BENCH_RATE', 5) }))
      : (process.env.BENCH_SCENARIOS ?? '50x5,200x1,200x5')
          .split(',')
          .filter(Boolean)
          .map((s) => {
            const [clients, rate] = s.split('x').map(Number);
            return { clients, rate };
          });
  const peers = (process.env.BENCH_PEERS ?? PEER_LABELS.join(',')).split(',').filter(Boolean) as PeerName[];
  const seconds = number('BENCH_SECONDS', 20);
  const warmupSeconds = number('BENCH_WARMUP', 3);
  console.log(
    `Concordia collab benchmark — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fixed(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(
    `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//…@')}; ${seconds} s measured after ${warmupSeconds} s warm-up; CPU % is of one core (${os.cpus().length} cores = ${os.cpus().length * 100} %)\n`,
  );

  const serverEnv = Object.fromEntries(
    (process.env.BENCH_SERVER_ENV ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  if (Object.keys(serverEnv).length > 0) console.log(`Server settings for this run: ${JSON.stringify(serverEnv)}\n`);
  const database = await openBenchDatabase(url);
  const results: ScenarioResult[] = [];
  const commitProbes: { p50: number; p99: number; max: number }[] = [];
  const targets: TargetRow[] = [];
  let cold: ColdLoadResult | null = null;
  try {
    console.log(
      '| server | clients × rate | p50 ms | p95 ms | p99 ms | max ms | updates/s | delivered | frames/s per receiver | commits / mean batch | server CPU | server CPU per delivered update | server RSS max | PostgreSQL CPU | generator CPU | load average (1 min) | converged |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const { clients, rate } of scenarios) {
      const scenarioResults: ScenarioResult[] = [];
      let commitDuringRunP99 = NaN;
      const probe = await database.commitLatency();
      console.log(
        `|  |  | commit probe before: p50 ${fixed(probe.p50, 2)} ms, p99 ${fixed(probe.p99, 2)} ms, max ${fixed(probe.max, 1)} ms; load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} |`,
      );
      commitProbes.push(probe);
      const options = { clients, rate, warmupSeconds, seconds, fullClients: 3 };
      const server = await startServer(database.serverUrl, serverEnv);
      try {
        const result = await runTypingScenario({ label: 'Concordia', pid: server.pid, wsUrl: server.wsUrl, origin: server.origin, database }, options);
        results.push(result);
        scenarioResults.push(result);
        printScenario(result);
        const c = result.commitDuringRun;
        if (c) commitDuringRunP99 = c.p99;
        if (c)
          console.log(
            `|  |  | one-row commit on another connection every 50 ms during the run: p50 ${fixed(c.p50, 2)} ms, p99 ${fixed(c.p99, 2)} ms, max ${fixed(c.max, 1)} ms (${c.samples} samples) |`,
          );
      } finally {
        await server.stop();
      }
      for (const name of peers) {
        const peer = await startPeer(name);
        try {
          const result = await runTypingScenario(
            { label: name, pid: peer.pid, wsUrl: peer.wsUrl, origin: peer.origin, database: null, protocol: peer.protocol },
            options,
          );
          results.push(result);
          scenarioResults.push(result);
          printScenario(result);
        } finally {
          await peer.stop();
        }
      }
      targets.push(...peerTargets(scenarioResults, commitDuringRunP99));
      if (process.env.BENCH_REFERENCE !== '0') {
        const relay = await startReferenceRelay();
        try {
          const result = await runTypingScenario(
            { label: 'reference relay', pid: relay.pid, wsUrl: relay.wsUrl, origin: relay.origin, database: null },
            options,
          );
          results.push(result);
          printScenario(result);
        } finally {
          await relay.stop();
        }
      }
      console.log(
        `|  |  | load average after: ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} |`,
      );
    }
    if (targets.length > 0) printTargets(targets);
    if (process.env.BENCH_COLD_LOAD !== '0') {
      cold = await measureColdLoad(database);
      printColdLoad(cold);
    }
  } finally {
    await database.drop();
  }
  console.log(`\nJSON ${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, commitProbes, results, targets, cold })}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
