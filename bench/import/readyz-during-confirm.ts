/**
 * How long `/readyz` takes to answer while an import of N articles is confirmed: a real server process
 * (`server/src/main.ts`, NODE_ENV=production) on a schema of its own, a new negotiation per size, the
 * preview read first, then the confirmation (replace) with `/readyz` asked one request at a time, a new
 * request 10 ms after each answer, so a stalled event loop shows as one long answer. Prints, per size:
 * the confirmation's own time, the answers' count, p50 / p99 / max, the load average before and after,
 * and the CPU of the server and of this generator (in % of one core, over the confirmation).
 *
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/import/readyz-during-confirm.ts
 *   BENCH_CLAUSES=300,1000 BENCH_ROUNDS=3 …                       sizes (at most IMPORT_LIMITS.clauses, 1,000) and rounds per size
 *   BENCH_PROFILE=/tmp/server.cpuprofile …                          profile the server's main thread (profiled-server.ts)
 */
import os from 'node:os';
import { spawnServer } from '../../tests/utils/spawn-server';
import { signIn, type Person } from '../../tests/utils/people';
import { manyArticlesText } from '../../tests/utils/bad-import-files';
import { openBenchDatabase } from '../collab/bench-database';
import { cpuSeconds } from '../collab/process-usage';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZES = (process.env.BENCH_CLAUSES ?? '300,1000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const POLL_GAP_MS = 10;

interface Probe {
  stop(): Promise<number[]>;
}

function pollReadyz(baseUrl: string): Probe {
  let running = true;
  const times: number[] = [];
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/readyz`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/readyz answered ${response.status}`);
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, POLL_GAP_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function confirmOnce(baseUrl: string, person: Person, clauses: number, pid: number): Promise<string> {
  const created = await person.request('POST', '/api/documents', { title: { en: `Import ${clauses}`, es: `Importación ${clauses}` } });
  const documentId = created.body.document.id as string;
  const preview = await person.upload(`/api/documents/${documentId}/import/preview`, {
    en: { name: `articles-${clauses}.txt`, bytes: manyArticlesText(clauses), type: 'text/plain' },
  });
  if (preview.status !== 201) return `preview refused: ${preview.status} ${preview.body.error?.code}`;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const loadBefore = loadAverage();
  const serverCpu = cpuSeconds(pid)!;
  const ownCpu = process.cpuUsage();
  const probe = pollReadyz(baseUrl);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  const confirm = await person.request('POST', `/api/documents/${documentId}/import`, { previewId: preview.body.preview.id, mode: 'replace', operations: [] });
  const confirmMs = performance.now() - started;
  const seconds = (performance.now() - started) / 1000;
  const serverShare = ((cpuSeconds(pid)! - serverCpu) / seconds) * 100;
  const own = process.cpuUsage(ownCpu);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const times = (await probe.stop()).sort((a, b) => a - b);
  if (confirm.status !== 200) return `confirmation refused: ${confirm.status} ${confirm.body.error?.code}`;
  const ownShare = ((own.user + own.system) / 1e6 / seconds) * 100;
  return [
    `confirm ${confirmMs.toFixed(0)} ms`,
    `/readyz ${times.length} answers: p50 ${at(times, 0.5).toFixed(1)} / p99 ${at(times, 0.99).toFixed(1)} / max ${times[times.length - 1].toFixed(1)} ms`,
    `load ${loadBefore} → ${loadAverage()}`,
    `CPU server ${serverShare.toFixed(0)} % / generator ${ownShare.toFixed(0)} %`,
  ].join('; ');
}

async function main(): Promise<void> {
  const database = await openBenchDatabase(DATABASE_URL);
  const profile = process.env.BENCH_PROFILE;
  const server = await spawnServer(
    { DATABASE_URL: database.serverUrl, DEMO: '1', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...(profile ? { BENCH_PROFILE: profile } : {}) },
    60_000,
    profile ? { script: 'bench/import/profiled-server.ts' } : {},
  );
  try {
    console.log(`${new Date().toISOString()}  ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}, load ${loadAverage()}`);
    const secretariat = await signIn(server, 'secretariat@demo.test');
    for (const clauses of SIZES) {
      for (let round = 1; round <= ROUNDS; round += 1) {
        console.log(`${clauses} clauses, round ${round}: ${await confirmOnce(server.url, secretariat, clauses, server.child.pid!)}`);
      }
    }
  } finally {
    await server.kill('SIGTERM');
    await database.drop();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
