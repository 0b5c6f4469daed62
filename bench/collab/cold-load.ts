/**
 * Cold load of a realistic large document: 300 bilingual clauses, each created as its own stored
 * update, then 10,000 small edits by six delegations, each its own row. Measured from a client's
 * connect to 'synced' against a server that does not have the document in memory, and as the
 * server's own 'document loaded' time.
 */
import * as Y from 'yjs';
import { DEFAULT_LANGUAGES, clauseFragment, clauseOrder, insertClause, type NodeJSON } from '../../shared/src/index';
import { connectClient } from '../../tests/utils/collab-client';
import { canonicalJSON, documentJSON } from '../../tests/utils/clause-edits';
import { createRandom, type Random } from '../../tests/utils/prng';
import type { BenchDatabase } from './bench-database';
import { startServer } from './server-process';

const CLAUSES = 300;
const EDITS = 10_000;
const DELEGATIONS = [101, 202, 303, 404, 505, 606];
const origin = { kind: 'server', reason: 'seed' } as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const EN = [
  'The Parties shall cooperate in good faith',
  'in accordance with their domestic law',
  'subject to the availability of funds',
  'for the purposes of this Memorandum',
  'the Joint Committee shall meet at least once a year',
  'information exchanged under this article',
];
const ES = [
  'Las Partes cooperarán de buena fe',
  'de conformidad con su derecho interno',
  'con sujeción a la disponibilidad de fondos',
  'a los efectos del presente Memorando',
  'el Comité Conjunto se reunirá al menos una vez al año',
  'la información intercambiada en virtud de este artículo',
];

function paragraphs(random: Random, phrases: string[], count: number): NodeJSON {
  return {
    type: 'doc',
    content: Array.from({ length: count }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `${Array.from({ length: 3 + random.int(4) }, () => random.pick(phrases)).join(', ')}.` }],
    })),
  };
}

export interface History {
  updates: Uint8Array[];
  expected: string;
  bytes: number;
}

/** Builds the history in memory: one update per created clause, then one per edit. */
export function buildHistory(seed = 300): History {
  const random = createRandom(seed);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  let after: string | null = null;
  for (let i = 0; i < CLAUSES; i += 1) {
    doc.clientID = DELEGATIONS[0];
    const id = `k${i}`;
    const kind = i === 0 ? 'preamble' : i === CLAUSES - 1 ? 'final' : i % 10 === 1 ? 'heading' : 'clause';
    const count = kind === 'heading' ? 1 : 1 + random.int(3);
    insertClause(doc, { id, kind, content: { en: paragraphs(random, EN, count), es: paragraphs(random, ES, count) } }, DEFAULT_LANGUAGES, after, origin);
    after = id;
  }
  const ids = clauseOrder(doc);
  for (let i = 0; i < EDITS; i += 1) {
    doc.clientID = random.pick(DELEGATIONS);
    const fragment = clauseFragment(doc, random.pick(ids), random.pick(DEFAULT_LANGUAGES));
    const paragraph = fragment.get(random.int(fragment.length)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const roll = random.next();
    doc.transact(() => {
      if (roll < 0.8 || text.length < 10) text.insert(random.int(text.length + 1), random.text(8));
      else if (roll < 0.95) text.delete(random.int(text.length - 6), 1 + random.int(6));
      else text.format(random.int(text.length - 6), 1 + random.int(6), { strong: {} });
    }, origin);
  }
  return { updates, expected: canonicalJSON(documentJSON(doc)), bytes: updates.reduce((sum, u) => sum + u.byteLength, 0) };
}

/** Stores each update as its own row, in order; returns the document id and the row ids. */
export async function storeHistory(database: BenchDatabase, history: History): Promise<{ documentId: string; ids: number[] }> {
  const documentId = await database.createDocument();
  for (let start = 0; start < history.updates.length; start += 1000) {
    const batch = history.updates.slice(start, start + 1000);
    await database.pool.query(
      `INSERT INTO document_updates (document_id, update, origin) SELECT $1, u, 'connection' FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n) ORDER BY n`,
      [documentId, batch.map((u) => Buffer.from(u))],
    );
  }
  const { rows } = await database.pool.query<{ id: string }>('SELECT id FROM document_updates WHERE document_id = $1 ORDER BY id', [documentId]);
  return { documentId, ids: rows.map((r) => Number(r.id)) };
}

/** Puts the snapshot a variant needs in place (or none), replacing whatever compaction left. */
async function setSnapshot(database: BenchDatabase, documentId: string, snapshot: { state: Uint8Array; through: number; count: number } | null): Promise<void> {
  await database.pool.query('DELETE FROM document_snapshots WHERE document_id = $1', [documentId]);
  if (!snapshot) return;
  await database.pool.query('INSERT INTO document_snapshots (document_id, state, through_update_id, update_count) VALUES ($1, $2, $3, $4)', [
    documentId,
    Buffer.from(snapshot.state),
    snapshot.through,
    snapshot.count,
  ]);
}

function stateOf(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  }, origin);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export interface ColdLoadRun {
  connectToSyncedMs: number;
  serverLoadMs: number | null;
  tailLength: number | null;
}
export interface ColdLoadVariant {
  label: string;
  runs: ColdLoadRun[];
}
export interface ColdLoadResult {
  rows: number;
  bytes: number;
  snapshotBytes: number;
  variants: ColdLoadVariant[];
  contentMatches: boolean;
}

const TAIL = 499; // the longest tail a document has with COMPACT_AFTER_UPDATES=500

/**
 * Three ways the same document can sit in PostgreSQL, each loaded `runs` times by a server that
 * does not have it in memory: no snapshot (all 10,300 rows), a snapshot plus the longest tail the
 * default compaction threshold allows (499 rows), and a snapshot alone. The snapshot row is set by
 * the benchmark before each run; the server runs with its defaults (LOG_LEVEL=info to read its
 * 'document loaded' lines), so its own compaction after each unload is awaited and then replaced.
 */
export async function measureColdLoad(database: BenchDatabase, runs = 5): Promise<ColdLoadResult> {
  const history = buildHistory();
  const { documentId, ids } = await storeHistory(database, history);
  const full = stateOf(history.updates);
  const head = stateOf(history.updates.slice(0, history.updates.length - TAIL));
  const variants: { label: string; snapshot: Parameters<typeof setSnapshot>[2] }[] = [
    { label: `no snapshot (${history.updates.length} rows)`, snapshot: null },
    { label: `snapshot + ${TAIL}-row tail`, snapshot: { state: head, through: ids[ids.length - TAIL - 1], count: ids.length - TAIL } },
    { label: 'snapshot only', snapshot: { state: full, through: ids[ids.length - 1], count: ids.length } },
  ];
  const server = await startServer(database.serverUrl, { LOG_LEVEL: 'info' });
  const logLines = (msg: string) =>
    server.server
      .output()
      .split('\n')
      .filter((l) => l.includes(`"msg":"${msg}"`));
  let contentMatches = true;
  const results: ColdLoadVariant[] = [];
  try {
    for (const variant of variants) {
      const variantRuns: ColdLoadRun[] = [];
      for (let i = 0; i < runs; i += 1) {
        await setSnapshot(database, documentId, variant.snapshot);
        const loadedBefore = logLines('document loaded').length;
        const compactedBefore = logLines('document compacted').length;
        const started = performance.now();
        const client = connectClient(server.wsUrl, documentId);
        await client.synced();
        const connectToSyncedMs = performance.now() - started;
        contentMatches &&= canonicalJSON(documentJSON(client.doc)) === history.expected;
        client.destroy();
        const loaded = logLines('document loaded').slice(loadedBefore);
        const line = loaded.length > 0 ? (JSON.parse(loaded[loaded.length - 1]) as { ms: number; tailLength: number }) : null;
        variantRuns.push({ connectToSyncedMs, serverLoadMs: line?.ms ?? null, tailLength: line?.tailLength ?? null });
        // The server unloads the document once the last connection has left, and compacts a loaded tail.
        const deadline = Date.now() + 30_000;
        while ((line?.tailLength ?? 0) > 0 && logLines('document compacted').length === compactedBefore && Date.now() < deadline) await sleep(50);
        await sleep(300);
      }
      results.push({ label: variant.label, runs: variantRuns });
    }
  } finally {
    await server.stop();
  }
  return { rows: history.updates.length, bytes: history.bytes, snapshotBytes: full.byteLength, variants: results, contentMatches };
}
