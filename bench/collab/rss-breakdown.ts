/**
 * Where the server's resident memory goes: `npx tsx bench/collab/rss-breakdown.ts`. Starts a child
 * process (node --expose-gc --import tsx, as the server runs) that builds the server step by step in
 * itself and prints process.memoryUsage() after each step (after a full GC): Node + tsx alone, the
 * server's code loaded, the platform started and listening, one 300-clause document open with a client,
 * the fold worker thread started, then the same document under a short typing load. The document (the
 * cold-load benchmark's 300 clauses with 10,000 updates) is stored by the parent, not the child. The deltas say what
 * each part costs; the parent only prepares the database (a schema of its own, dropped at the end).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import * as decoding from 'lib0/decoding';
import path from 'node:path';

const MiB = 2 ** 20;
type Stage = { stage: string; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };

async function measure(label: string, stages: Stage[]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i += 1) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const m = process.memoryUsage();
  const stage = {
    stage: label,
    rss: m.rss / MiB,
    heapUsed: m.heapUsed / MiB,
    heapTotal: m.heapTotal / MiB,
    external: m.external / MiB,
    arrayBuffers: m.arrayBuffers / MiB,
  };
  stages.push(stage);
  process.stdout.write(`STAGE ${JSON.stringify(stage)}\n`);
}

async function child(): Promise<void> {
  const stages: Stage[] = [];
  await measure('node + tsx, nothing loaded', stages);
  await import('yjs');
  await import('../../shared/src/index');
  await measure('+ yjs and shared/ loaded', stages);
  const { loadEnv } = await import('../../server/src/config/env');
  const { createConcordia } = await import('../../server/src/concordia');
  const { createLogger } = await import('../../server/src/logger');
  await measure("+ the server's code loaded (imports of concordia.ts)", stages);
  const env = loadEnv();
  const concordia = await createConcordia({ env, log: createLogger('warn') });
  const address = await concordia.listen();
  await measure('+ started and listening (pool, migrations checked, routers, socket.io)', stages);

  const documentId = process.env.RSS_BREAKDOWN_DOCUMENT!;
  // A raw client that keeps only the bytes of the server's answer, so the document counted is the server's.
  const { default: WebSocket } = await import('ws');
  const socket = new WebSocket(`ws://127.0.0.1:${address.port}/collab/${documentId}`, { headers: { origin: `http://127.0.0.1:${address.port}` } });
  const state = await new Promise<Uint8Array>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(Uint8Array.from([0, 0, 1, 0]))); // sync step 1, empty state vector
    socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve(decoding.readVarUint8Array(decoding.createDecoder(data.subarray(2))));
    });
  });
  await measure(`+ the 300-clause document open (10,300 rows, ${Math.round(state.byteLength / 1024)} KiB encoded; one raw client)`, stages);
  const { FoldThread } = await import('../../server/src/collab/fold-thread');
  const thread = new FoldThread();
  await thread.fold([state]);
  await measure('+ a fold worker thread started (one fold of the document)', stages);
  await thread.close();
  await measure('- that fold worker thread stopped', stages);
  socket.terminate();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await measure('- the client left (document unloaded)', stages);
  const byPackage = new Map<string, number>();
  for (const file of Object.keys(require.cache)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = match ? match[1] : file.includes('/server/src/') ? '(server/src)' : file.includes('/shared/src/') ? '(shared/src)' : '(other)';
    byPackage.set(key, (byPackage.get(key) ?? 0) + (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0));
  }
  const top = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  process.stdout.write(`MODULES ${JSON.stringify({ files: Object.keys(require.cache).length, top })}\n`);
  await concordia.stop();
  process.stdout.write(`RESULT ${JSON.stringify(stages)}\n`);
}

async function parent(): Promise<void> {
  const os = await import('node:os');
  const { openBenchDatabase } = await import('./bench-database');
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const { buildHistory, storeHistory } = await import('./cold-load');
  const database = await openBenchDatabase(url);
  const { documentId } = await storeHistory(database, buildHistory());
  console.log(
    `Server memory breakdown — ${new Date().toISOString()} — Node ${process.version}; load average before ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'rss-breakdown.ts')], {
        env: {
          ...process.env,
          RSS_BREAKDOWN_CHILD: '1',
          RSS_BREAKDOWN_DOCUMENT: documentId,
          DATABASE_URL: database.serverUrl,
          DEMO: '0',
          COLLAB_DEV_OPEN: '1',
          NODE_ENV: 'production',
          PORT: '0',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      proc.stdout.on('data', (d) => (text += d));
      proc.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`child exited ${code}: ${text}`))));
    });
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    const stages = JSON.parse(line!.slice(7)) as Stage[];
    const modules = out.split('\n').find((l) => l.startsWith('MODULES '));
    if (modules) {
      const { files, top } = JSON.parse(modules.slice(8)) as { files: number; top: [string, number][] };
      console.log(
        `CommonJS modules loaded: ${files}; source size by package (largest first): ${top.map(([p, b]) => `${p} ${(b / 1024).toFixed(0)} KiB`).join(', ')}\n`,
      );
    }
    console.log('| step | RSS MiB | Δ RSS | V8 heap used | Δ heap used | external (incl. array buffers) |');
    console.log('|---|---|---|---|---|---|');
    stages.forEach((s, i) => {
      const prev = stages[i - 1];
      const d = (a: number, b?: number) => (b === undefined ? '—' : `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(1)}`);
      console.log(
        `| ${s.stage} | ${s.rss.toFixed(1)} | ${d(s.rss, prev?.rss)} | ${s.heapUsed.toFixed(1)} | ${d(s.heapUsed, prev?.heapUsed)} | ${s.external.toFixed(1)} |`,
      );
    });
    console.log(
      `load average after ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await database.drop();
  }
}

(process.env.RSS_BREAKDOWN_CHILD === '1' ? child() : parent()).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
