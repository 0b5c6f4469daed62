/**
 * One load run on a cluster: `clients` thin clients (bench/collab/thin-client.ts) over `documents`
 * documents, spread round-robin over the nodes (a document's clients alternate between nodes, so its
 * writers and receivers are on every node), each writer typing `rate` edits a second into its own
 * clause. Every receiver timestamps every marker it finds; a receipt is "same node" when sender and
 * receiver are connected to the same node, "cross node" otherwise. Every edit must reach every other
 * client of its document: after the typing stops the run waits for them, then counts what is missing.
 * A few stock y-websocket clients (one per node on the first documents) check convergence with each
 * other and with the document rebuilt from PostgreSQL.
 */
import os from 'node:os';
import * as Y from 'yjs';
import { DEFAULT_LANGUAGES, clauseFragment, clausesMap, insertClause } from '../../shared/src/index';
import { connectClient, type CollabClient } from '../../tests/utils/collab-client';
import { sameState } from '../../tests/utils/clause-edits';
import { docFromDatabase } from '../../tests/utils/factories';
import { createRandom } from '../../tests/utils/prng';
import { LatencyHistogram } from '../collab/latency-histogram';
import { ThinClient, type SendTimes } from '../collab/thin-client';
import type { BenchDatabase } from '../collab/bench-database';
import type { BenchCluster } from './cluster';
import { machinePostgresCpu, postgresBackendsCpu, processCpu, runQueueWait } from './process-cpu';

export interface LoadOptions {
  label: string;
  clients: number;
  documents: number;
  rate: number;
  /** How many of the clients type (the first ones, so spread over documents and nodes); the rest only receive. */
  writers: number;
  warmupSeconds: number;
  seconds: number;
  /** Documents that get one stock client per node. */
  fullDocuments: number;
  /** How long to wait for the last edits after the typing stops. */
  drainSeconds: number;
}

export interface Quantiles {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadResult extends LoadOptions {
  nodes: number;
  sent: number;
  editsPerSecond: number;
  same: Quantiles;
  cross: Quantiles;
  /** Distinct markers received, over the whole run, and how many there should have been. */
  delivered: number;
  expected: number;
  missing: number;
  duplicates: number;
  /** Thin clients whose socket the server closed, by close code (a thin client does not reconnect). */
  closedClients: number;
  closeCodes: Record<string, number>;
  /** Of `missing`, what receivers connected to the end lacked of senders connected to the end: a loss, not a disconnection. */
  missingAtConnected: number;
  nodeCpuPercent: number[];
  /** Time each node's main thread waited for a CPU while runnable, in % of the window. */
  nodeWaitPercent: number[];
  generatorWaitPercent: number;
  redisCpuPercent: number;
  postgresBackendsCpuPercent: number[];
  postgresMachineCpuPercent: number;
  generatorCpuPercent: number;
  /** A one-row commit on another connection every 50 ms during the window: what one commit cost then. */
  commitDuringRun: { p50: number; p99: number; max: number; samples: number };
  loadBefore: number[];
  loadAfter: number[];
  converged: boolean;
  drainMs: number;
  /** Each node's stream counters from /readyz at the end (published, applied, gaps, catch-ups, repairs…); null without Redis. */
  streams: (Record<string, number> | null)[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seedOrigin = { kind: 'server', reason: 'seed' } as const;

function initialDocument(clauses: number): Uint8Array {
  const doc = new Y.Doc();
  let after: string | null = null;
  for (let i = 0; i < clauses; i += 1) {
    const text = (words: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${words} ${i + 1}. ` }] }] });
    insertClause(doc, { id: `b${i}`, kind: 'clause', content: { en: text('Article'), es: text('Artículo') } }, DEFAULT_LANGUAGES, after, seedOrigin);
    after = `b${i}`;
  }
  return Y.encodeStateAsUpdate(doc);
}

/** Markers in the document whose sender `counts`. */
function countMarkers(doc: Y.Doc, counts: (sender: number) => boolean): number {
  let count = 0;
  for (const id of clausesMap(doc).keys())
    for (const match of clauseFragment(doc, id, 'en')
      .toString()
      .matchAll(/~(\d+):\d+~/g))
      if (counts(Number(match[1]))) count += 1;
  return count;
}

function quantiles(h: LatencyHistogram): Quantiles {
  return { count: h.count, p50: h.quantile(0.5), p99: h.quantile(0.99), max: h.count === 0 ? NaN : h.max };
}

/** Which markers one receiver has seen: a byte per (sender, seq), grown as needed. */
class Seen {
  private readonly bySender = new Map<number, Uint8Array>();
  /** Distinct markers from each sender. */
  readonly from = new Map<number, number>();
  distinct = 0;
  /** True the first time. */
  add(from: number, seq: number): boolean {
    let bits = this.bySender.get(from);
    if (!bits || bits.length <= seq) {
      const grown = new Uint8Array(Math.max(64, (seq + 1) * 2));
      if (bits) grown.set(bits);
      this.bySender.set(from, (bits = grown));
    }
    if (bits[seq]) return false;
    bits[seq] = 1;
    this.distinct += 1;
    this.from.set(from, (this.from.get(from) ?? 0) + 1);
    return true;
  }
}

export async function runSpreadLoad(cluster: BenchCluster, database: BenchDatabase, options: LoadOptions): Promise<LoadResult> {
  const { clients: n, documents, rate, writers, warmupSeconds, seconds } = options;
  const loadBefore = os.loadavg();
  const perDocument = Math.ceil(n / documents);
  const initialState = initialDocument(perDocument);
  const documentIds: string[] = [];
  for (let d = 0; d < documents; d += 1) documentIds.push(await database.createDocument(initialState));

  const nodes = cluster.nodes;
  const documentOf = (i: number) => i % documents;
  const positionOf = (i: number) => Math.floor(i / documents);
  const nodeOf = Array.from({ length: n }, (_, i) => (positionOf(i) + documentOf(i)) % nodes.length);
  const sendTimes: SendTimes = [];
  const histograms = { same: new LatencyHistogram(), cross: new LatencyHistogram() };
  const seen = Array.from({ length: n }, () => new Seen());
  let duplicates = 0;
  let windowStart = Infinity;
  let windowEnd = Infinity;

  const thin: ThinClient[] = [];
  for (let i = 0; i < n; i += 1) {
    const node = nodes[nodeOf[i]];
    const onMarker = (from: number, seq: number, at: number) => {
      if (!seen[i].add(from, seq)) {
        duplicates += 1;
        return;
      }
      const sentAt = sendTimes[from]?.[seq];
      if (sentAt === undefined || sentAt < windowStart || sentAt > windowEnd) return;
      (nodeOf[from] === nodeOf[i] ? histograms.same : histograms.cross).record(at - sentAt);
    };
    const url = `${node.wsUrl}/collab/${documentIds[documentOf(i)]}`;
    thin.push(new ThinClient({ url, origin: node.origin, index: i, initialState, clauseId: `b${positionOf(i)}`, sendTimes, onMarker }));
    if (thin.length % 50 === 0) await Promise.all(thin.slice(-50).map((c) => c.synced));
  }
  await Promise.all(thin.map((c) => c.synced));
  const closeCodes: Record<string, number> = {};
  for (const client of thin) client.ws.once('close', (code: number) => (closeCodes[code] = (closeCodes[code] ?? 0) + 1));
  const full: { documentIndex: number; client: CollabClient }[] = [];
  for (let d = 0; d < Math.min(options.fullDocuments, documents); d += 1)
    for (const node of nodes) full.push({ documentIndex: d, client: connectClient(node.wsUrl, documentIds[d]) });
  await Promise.all(full.map((f) => f.client.synced()));

  const random = createRandom(n + documents);
  const periodMs = 1000 / rate;
  const timers: NodeJS.Timeout[] = [];
  for (const client of thin.slice(0, writers)) {
    timers.push(
      setTimeout(() => {
        client.type();
        timers.push(setInterval(() => client.type(), periodMs));
      }, random.int(periodMs)),
    );
  }

  await sleep(warmupSeconds * 1000);
  const meters = {
    nodes: nodes.map((node) => processCpu(node.pid)),
    waits: nodes.map((node) => runQueueWait(node.pid)),
    generatorWait: runQueueWait(process.pid),
    redis: processCpu(cluster.redisPid),
    backends: postgresBackendsCpu(
      database.pool,
      nodes.map((node) => node.applicationName),
    ),
    machinePostgres: machinePostgresCpu(),
    generator: process.cpuUsage(),
    commits: database.probeCommits(50),
  };
  windowStart = performance.now();
  await sleep(seconds * 1000);
  windowEnd = performance.now();
  const wall = (windowEnd - windowStart) / 1000;
  const percent = (cpu: number) => (cpu / wall) * 100;
  const generator = process.cpuUsage(meters.generator);
  const nodeCpuPercent = meters.nodes.map((m) => percent(m.stop()));
  const nodeWaitPercent = meters.waits.map((m) => percent(m.stop()));
  const generatorWaitPercent = percent(meters.generatorWait.stop());
  const redisCpuPercent = percent(meters.redis.stop());
  const machine = (await meters.machinePostgres.stop()).get('postgres')!;
  const backends = await meters.backends.stop();
  const commitDuringRun = await meters.commits.stop();
  for (const timer of timers) {
    clearTimeout(timer);
    clearInterval(timer);
  }

  // Every marker a writer sent must reach every other client of its document.
  const expectedOf = (i: number) => {
    let expected = 0;
    for (let s = documentOf(i); s < n; s += documents) if (s !== i) expected += thin[s].seq;
    return expected;
  };
  const expected = thin.reduce((sum, _c, i) => sum + expectedOf(i), 0);
  const deliveredNow = () => seen.reduce((sum, s) => sum + s.distinct, 0);
  const missingOf = (i: number) => Math.max(0, expectedOf(i) - seen[i].distinct);
  // A closed thin client never gets the rest, and what it sent that its node had not read yet when it closed
  // it is gone with it (a stock client sends it again when it reconnects): the loss that counts is between
  // clients connected to the end.
  const open = (i: number) => thin[i].ws.readyState === thin[i].ws.OPEN;
  const missingBetweenConnected = (i: number) => {
    let lacking = 0;
    for (let s = documentOf(i); s < n; s += documents) if (s !== i && open(s)) lacking += Math.max(0, thin[s].seq - (seen[i].from.get(s) ?? 0));
    return lacking;
  };
  const missingAtConnectedNow = () => thin.reduce((sum, _c, i) => sum + (open(i) ? missingBetweenConnected(i) : 0), 0);
  const drainStarted = performance.now();
  while (missingAtConnectedNow() > 0 && performance.now() - drainStarted < options.drainSeconds * 1000) await sleep(100);
  const drainMs = performance.now() - drainStarted;
  const delivered = deliveredNow();
  const missing = thin.reduce((sum, _c, i) => sum + missingOf(i), 0);
  const missingAtConnected = missingAtConnectedNow();

  let sent = 0;
  for (const times of sendTimes) for (const t of times ?? []) if (t >= windowStart && t <= windowEnd) sent += 1;

  // Stock clients: every marker of their document's connected writers, the same state as each other and as PostgreSQL.
  const markersOf = (d: number) => thin.filter((_c, i) => documentOf(i) === d && open(i)).reduce((sum, c) => sum + c.seq, 0);
  const fullOf = (d: number) => full.filter((f) => f.documentIndex === d).map((f) => f.client.doc);
  const settled = () =>
    full.every((f) => countMarkers(f.client.doc, open) === markersOf(f.documentIndex) && sameState(f.client.doc, fullOf(f.documentIndex)[0]));
  const deadline = Date.now() + options.drainSeconds * 1000;
  while (Date.now() < deadline && !settled()) await sleep(250);
  let converged = settled();
  for (let d = 0; d < Math.min(options.fullDocuments, documents) && converged; d += 1) {
    const stored = await docFromDatabase(database.pool, documentIds[d]);
    converged = sameState(stored, fullOf(d)[0]);
    stored.destroy();
  }
  const streams = await Promise.all(
    nodes.map(async (node) => {
      const body = (await (await fetch(`${node.url}/readyz`)).json()) as { cluster?: { streams?: Record<string, number> } };
      return body.cluster?.streams ?? null;
    }),
  );
  const closedClients = thin.filter((c) => c.ws.readyState !== c.ws.OPEN).length;
  for (const client of thin) client.close();
  for (const f of full) f.client.destroy();

  return {
    ...options,
    nodes: nodes.length,
    sent,
    editsPerSecond: sent / wall,
    same: quantiles(histograms.same),
    cross: quantiles(histograms.cross),
    delivered,
    expected,
    missing,
    duplicates,
    closedClients,
    closeCodes,
    missingAtConnected,
    nodeCpuPercent,
    nodeWaitPercent,
    generatorWaitPercent,
    redisCpuPercent,
    postgresBackendsCpuPercent: nodes.map((node) => percent(backends.get(node.applicationName) ?? 0)),
    postgresMachineCpuPercent: percent(machine),
    generatorCpuPercent: percent((generator.user + generator.system) / 1e6),
    commitDuringRun,
    loadBefore,
    loadAfter: os.loadavg(),
    converged,
    drainMs,
    streams,
  };
}
