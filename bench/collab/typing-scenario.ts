/**
 * One scenario: N clients on one document, each typing a marker into its own clause `rate` times a
 * second (jittered start), for a warm-up and then a measured window. Thin clients send and time
 * receipts; a few full y-websocket clients check convergence at the end.
 */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import { DEFAULT_LANGUAGES, clauseFragment, clausesMap, insertClause } from '../../shared/src/index';
import { connectClient } from '../../tests/utils/collab-client';
import { sameState } from '../../tests/utils/clause-edits';
import { docFromDatabase } from '../../tests/utils/factories';
import { createRandom } from '../../tests/utils/prng';
import { LatencyHistogram } from './latency-histogram';
import { ThinClient, type SendTimes } from './thin-client';
import { cpuByName, cpuDelta, cpuSeconds, sampleRss } from './process-usage';
import type { BenchDatabase } from './bench-database';

/** What the clients connect to: Concordia (with its database) or the reference relay (none). */
export interface Target {
  label: string;
  pid: number;
  wsUrl: string;
  origin: string;
  database: BenchDatabase | null;
  /** Hocuspocus frames differ (document name first) and stock y-websocket providers cannot join it: no full clients there. */
  protocol?: 'y-websocket' | 'hocuspocus';
}

export interface ScenarioOptions {
  clients: number;
  rate: number;
  warmupSeconds: number;
  seconds: number;
  fullClients: number;
}

export interface ScenarioResult extends ScenarioOptions {
  target: string;
  sent: number;
  updatesPerSecond: number;
  receipts: number;
  expectedReceipts: number;
  framesPerReceiverPerSecond: number;
  latency: { p50: number; p95: number; p99: number; max: number; mean: number };
  serverCpuPercent: number;
  /** Server CPU over the window divided by the updates it delivered to receivers in it. */
  serverCpuMicrosPerDelivered: number;
  serverRssMaxMiB: number;
  postgresCpuPercent: number;
  generatorCpuPercent: number;
  commits: number;
  rows: number;
  meanBatch: number;
  /** null where no full client could join (Hocuspocus): only the receipts say everything arrived. */
  converged: boolean | null;
  /** Commits of one row on another connection every 50 ms during the window: what one commit cost under this load. */
  commitDuringRun: { p50: number; p99: number; max: number; samples: number } | null;
  markersInFullClients: number;
  markersSent: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const origin = { kind: 'server', reason: 'seed' } as const;

function initialDocument(clients: number): Uint8Array {
  const doc = new Y.Doc();
  let after: string | null = null;
  for (let i = 0; i < clients; i += 1) {
    const id = `b${i}`;
    insertClause(
      doc,
      {
        id,
        kind: 'clause',
        content: {
          en: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Article ${i + 1}. ` }] }] },
          es: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Artículo ${i + 1}. ` }] }] },
        },
      },
      DEFAULT_LANGUAGES,
      after,
      origin,
    );
    after = id;
  }
  return Y.encodeStateAsUpdate(doc);
}

function countMarkers(doc: Y.Doc): number {
  let count = 0;
  for (const id of clausesMap(doc).keys())
    count += (
      clauseFragment(doc, id, 'en')
        .toString()
        .match(/~\d+:\d+~/g) ?? []
    ).length;
  return count;
}

export async function runTypingScenario(server: Target, options: ScenarioOptions): Promise<ScenarioResult> {
  const { clients: n, rate, warmupSeconds, seconds } = options;
  const { database } = server;
  const hocuspocus = server.protocol === 'hocuspocus';
  const fullClients = hocuspocus ? 0 : options.fullClients;
  const initialState = initialDocument(n);
  // The reference relay has no database: it receives the initial state from the first client's sync step 2.
  const documentId = database ? await database.createDocument(initialState) : crypto.randomUUID();
  const url = `${server.wsUrl}/collab/${documentId}`;
  const sendTimes: SendTimes = [];
  const histogram = new LatencyHistogram();
  let windowStart = Infinity;
  let windowEnd = Infinity;
  let receipts = 0;
  const onMarker = (from: number, seq: number, at: number) => {
    const sentAt = sendTimes[from]?.[seq];
    if (sentAt === undefined || sentAt < windowStart || sentAt > windowEnd) return;
    histogram.record(at - sentAt);
    receipts += 1;
  };

  const thin: ThinClient[] = [];
  for (let i = 0; i < n; i += 1)
    thin.push(
      new ThinClient({
        url: hocuspocus ? server.wsUrl : url,
        origin: server.origin,
        index: i,
        initialState,
        clauseId: `b${i}`,
        sendTimes,
        onMarker,
        hocuspocusDocument: hocuspocus ? documentId : undefined,
      }),
    );
  await Promise.all(thin.map((c) => c.synced));
  const full = Array.from({ length: fullClients }, () => connectClient(server.wsUrl, documentId));
  await Promise.all(full.map((c) => c.synced()));

  const random = createRandom(n);
  const periodMs = 1000 / rate;
  const timers: NodeJS.Timeout[] = [];
  for (const client of thin) {
    timers.push(
      setTimeout(() => {
        client.type();
        timers.push(setInterval(() => client.type(), periodMs));
      }, random.int(periodMs)),
    );
  }

  await sleep(warmupSeconds * 1000);
  const idAtStart = database ? await maxUpdateId(database, documentId) : 0;
  const framesAtStart = thin.reduce((sum, c) => sum + c.framesReceived, 0);
  const serverCpuStart = cpuSeconds(server.pid)!;
  const postgresStart = cpuByName('postgres');
  const generatorStart = process.cpuUsage();
  const rss = sampleRss(server.pid);
  const probe = database?.probeCommits(50) ?? null;
  windowStart = performance.now();
  await sleep(seconds * 1000);
  windowEnd = performance.now();
  const commitDuringRun = probe ? await probe.stop() : null;
  const wallSeconds = (windowEnd - windowStart) / 1000;
  const generatorUsage = process.cpuUsage(generatorStart);
  const serverCpu = cpuSeconds(server.pid)! - serverCpuStart;
  const postgresCpu = cpuDelta(postgresStart, cpuByName('postgres'));
  const framesInWindow = thin.reduce((sum, c) => sum + c.framesReceived, 0) - framesAtStart;
  const { maxMiB } = rss.stop();
  const idAtEnd = database ? await maxUpdateId(database, documentId) : 0;

  for (const timer of timers) {
    clearTimeout(timer);
    clearInterval(timer);
  }
  // Let everything in flight arrive before counting receipts and checking convergence.
  await sleep(3000);
  let sent = 0;
  for (const times of sendTimes) for (const t of times ?? []) if (t >= windowStart && t <= windowEnd) sent += 1;
  const markersSent = thin.reduce((sum, c) => sum + c.seq, 0);

  // Full clients must end with every marker sent and agree with each other and with PostgreSQL.
  const deadline = Date.now() + 30_000;
  while (
    fullClients > 0 &&
    Date.now() < deadline &&
    !(full.every((c) => countMarkers(c.doc) === markersSent) && full.every((c) => sameState(c.doc, full[0].doc)))
  ) {
    await sleep(250);
  }
  const stored = database ? await docFromDatabase(database.pool, documentId) : null;
  const converged = fullClients === 0 ? null : full.every((c) => sameState(c.doc, full[0].doc)) && (!stored || sameState(stored, full[0].doc));
  const markersInFullClients = fullClients === 0 ? markersSent : Math.min(...full.map((c) => countMarkers(c.doc)));
  // A batch is one statement, one transaction: its rows share created_at (now() is the transaction's start).
  const { rows, commits } = database
    ? (
        await database.pool.query<{ rows: number; commits: number }>(
          `SELECT count(*)::int AS rows, count(DISTINCT created_at)::int AS commits FROM document_updates
     WHERE document_id = $1 AND id > $2 AND id <= $3`,
          [documentId, idAtStart, idAtEnd],
        )
      ).rows[0]
    : { rows: 0, commits: 0 };

  for (const client of thin) client.close();
  for (const client of full) client.destroy();
  stored?.destroy();

  return {
    ...options,
    target: server.label,
    sent,
    updatesPerSecond: sent / wallSeconds,
    receipts,
    expectedReceipts: sent * (n - 1),
    framesPerReceiverPerSecond: framesInWindow / n / wallSeconds,
    latency: { p50: histogram.quantile(0.5), p95: histogram.quantile(0.95), p99: histogram.quantile(0.99), max: histogram.max, mean: histogram.mean },
    serverCpuPercent: (serverCpu / wallSeconds) * 100,
    serverCpuMicrosPerDelivered: receipts === 0 ? NaN : (serverCpu / receipts) * 1e6,
    serverRssMaxMiB: maxMiB,
    postgresCpuPercent: (postgresCpu / wallSeconds) * 100,
    generatorCpuPercent: ((generatorUsage.user + generatorUsage.system) / 1e6 / wallSeconds) * 100,
    commits,
    rows,
    meanBatch: commits === 0 ? 0 : rows / commits,
    converged,
    commitDuringRun,
    markersInFullClients,
    markersSent,
  };
}

async function maxUpdateId(database: BenchDatabase, documentId: string): Promise<number> {
  const { rows } = await database.pool.query<{ id: string | null }>('SELECT max(id) AS id FROM document_updates WHERE document_id = $1', [documentId]);
  return Number(rows[0].id ?? 0);
}
