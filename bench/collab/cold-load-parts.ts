/**
 * Where a cold load's time goes, each part timed alone on the cold-load document (300 clauses, 10,000
 * edits): `npx tsx bench/collab/cold-load-parts.ts`. For each way the document can be stored (no
 * snapshot, snapshot + 499-row tail, snapshot only): reading it from PostgreSQL (the server's three
 * queries), applying it to a fresh Y.Doc as the server does (applyEach), encoding the answer to an
 * empty state vector, the client applying that answer — and what answering from the stored bytes
 * would cost instead (the snapshot as is, or merged with its tail by Y.mergeUpdates). Five runs each,
 * medians; load average and this process's CPU printed beside them.
 */
import os from 'node:os';
import * as Y from 'yjs';
import { applyEach } from '../../server/src/collab/fold-updates';
import { persistenceOrigin } from '../../server/src/collab/origins';
import { openBenchDatabase } from './bench-database';
import { buildHistory, storeHistory } from './cold-load';

const RUNS = 5;
const TAIL = 499;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
const time = <T>(f: () => T): [T, number] => {
  const started = performance.now();
  const value = f();
  return [value, performance.now() - started];
};

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const database = await openBenchDatabase(url);
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  console.log(
    `Cold load, part by part — ${new Date().toISOString()}; load average before ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    const history = buildHistory();
    const { documentId, ids } = await storeHistory(database, history);
    const fold = (updates: Uint8Array[]) => {
      const doc = new Y.Doc();
      applyEach(doc, updates, persistenceOrigin);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return state;
    };
    const full = fold(history.updates);
    const head = fold(history.updates.slice(0, history.updates.length - TAIL));
    const variants = [
      { label: `no snapshot (${ids.length} rows)`, snapshot: null as Uint8Array | null, through: 0 },
      { label: `snapshot + ${TAIL}-row tail`, snapshot: head, through: ids[ids.length - TAIL - 1] },
      { label: 'snapshot only', snapshot: full, through: ids[ids.length - 1] },
    ];
    console.log(
      '| stored as | read PostgreSQL | server applies (applyEach) | server encodes its answer | client applies the answer | sum | answer from stored bytes instead: prepare | then client applies |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const variant of variants) {
      await database.pool.query('DELETE FROM document_snapshots WHERE document_id = $1', [documentId]);
      if (variant.snapshot)
        await database.pool.query('INSERT INTO document_snapshots (document_id, state, through_update_id, update_count) VALUES ($1, $2, $3, $4)', [
          documentId,
          Buffer.from(variant.snapshot),
          variant.through,
          variant.through,
        ]);
      const parts: number[][] = [[], [], [], [], [], []];
      for (let run = 0; run < RUNS; run += 1) {
        const readStarted = performance.now();
        await database.pool.query('SELECT status FROM documents WHERE id = $1', [documentId]);
        const snap = await database.pool.query<{ state: Buffer }>('SELECT state, through_update_id FROM document_snapshots WHERE document_id = $1', [
          documentId,
        ]);
        const tail = await database.pool.query<{ update: Buffer }>('SELECT id, update FROM document_updates WHERE document_id = $1 AND id > $2 ORDER BY id', [
          documentId,
          variant.through,
        ]);
        parts[0].push(performance.now() - readStarted);
        const stored = [...snap.rows.map((r) => new Uint8Array(r.state)), ...tail.rows.map((r) => new Uint8Array(r.update))];
        const doc = new Y.Doc();
        parts[1].push(time(() => applyEach(doc, stored, persistenceOrigin))[1]);
        const [answer, encodeMs] = time(() => Y.encodeStateAsUpdate(doc, new Uint8Array([0])));
        parts[2].push(encodeMs);
        const client = new Y.Doc();
        parts[3].push(time(() => Y.applyUpdate(client, answer))[1]);
        // From the stored bytes: the snapshot as it is, or merged with its tail (no Y.Doc built).
        const [fromBytes, prepareMs] = time(() => (stored.length === 1 ? stored[0] : Y.mergeUpdates(stored)));
        parts[4].push(prepareMs);
        const other = new Y.Doc();
        parts[5].push(time(() => Y.applyUpdate(other, fromBytes))[1]);
        doc.destroy();
        client.destroy();
        other.destroy();
      }
      const m = parts.map(median);
      const f = (v: number) => `${v.toFixed(0)} ms`;
      console.log(`| ${variant.label} | ${f(m[0])} | ${f(m[1])} | ${f(m[2])} | ${f(m[3])} | ${f(m[0] + m[1] + m[2] + m[3])} | ${f(m[4])} | ${f(m[5])} |`);
    }
  } finally {
    await database.drop();
  }
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    `Medians of ${RUNS}. This process's CPU: ${(((cpu.user + cpu.system) / 1e3 / (performance.now() - wallStart)) * 100).toFixed(0)} % of one core; load average after ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
