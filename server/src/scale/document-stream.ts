/**
 * Updates between nodes: one Redis Stream per document.
 *
 * [S1] A node publishes a batch of its own changes only after PostgreSQL committed it, as it relays it
 *      to its own clients (collab-document.ts `onCommittedBatch`). Redis never holds the only copy.
 * [S2] Each entry carries a per-document sequence number, taken with the XADD in one script: a reader
 *      that sees anything but its last number + 1 has missed entries (the stream was trimmed by
 *      MAXLEN ~, Redis restarted or was flushed) and catches up from PostgreSQL (catch-up.ts).
 * [S3] A node follows a document from before it reads it from PostgreSQL (`opening`), so whatever is
 *      committed meanwhile is in what it read or in what it reads next from the stream.
 * [S4] One blocking XREAD on a dedicated connection follows every document the node has open; a
 *      document opened or closed unblocks it (CLIENT UNBLOCK) so the next read includes it.
 * [S5] Entries are applied with a peer origin: relayed to local clients, never stored or published again.
 * [S7] An entry carries the sponsors of the proposals its updates tabled, recorded on the receiving
 *      copy before the update is applied: a node never takes another node's proposal for a new one.
 * [S6] After losing Redis a node catches every open document up from PostgreSQL and publishes a resync
 *      mark for each, so nodes that never lost Redis fetch what it could not publish meanwhile.
 */
import type pg from 'pg';
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { CollabDocument } from '../collab/collab-document';
import type { DocumentFanout } from '../collab/document-registry';
import { peerOrigin } from '../collab/origins';
import type { RedisConnections } from './redis-connections';
import { catchUpFromDatabase, type CatchUpResult } from './catch-up';

const streamKey = (documentId: string) => `concordia:{doc:${documentId}}:updates`;
const seqKey = (documentId: string) => `concordia:{doc:${documentId}}:seq`;
/** A stream nobody wrote to for a day is dropped; a node that still follows it catches up ([S2]). */
const IDLE_EXPIRY_MS = 24 * 60 * 60 * 1000;
const BLOCK_MS = 1000;
const READ_COUNT = 200;

/** KEYS: stream, seq. ARGV: maxlen, node, throughUpdateId, expiry ms, update ('' for a resync mark), tabled proposals (JSON). */
const PUBLISH_SCRIPT = `
local seq = redis.call('INCR', KEYS[2])
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 's', seq, 'n', ARGV[2], 't', ARGV[3], 'u', ARGV[5], 'p', ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return id`;
/** KEYS: stream, seq. The newest entry id and its sequence number (written together by PUBLISH_SCRIPT). */
const CURSOR_SCRIPT = `
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local seq = redis.call('GET', KEYS[2]) or '0'
if #last == 0 then return {'0-0', seq} end
return {last[1][1], seq}`;

interface Cursor {
  id: string;
  seq: number;
}

interface Followed {
  document: CollabDocument | null;
  cursor: Cursor | null;
  catchingUp: Promise<void> | null;
  catchUpAgain: boolean;
  /** Proposals this node's clients tabled since the last publish ([S7]). */
  tabled: Set<string>;
}

export interface StreamStats {
  published: number;
  publishFailures: number;
  applied: number;
  gaps: number;
  catchUps: number;
  repairs: number;
}

export interface DocumentStreamsOptions {
  pool: pg.Pool;
  redis: RedisConnections;
  log: Logger;
  node: string;
  maxLen: number;
  /** A status PostgreSQL holds that the live copy lacks (a freeze not heard of): applied as the single node does. */
  applyStatus(documentId: string, status: Exclude<CollabDocument['status'], 'draft'>): void;
}

export class DocumentStreams implements DocumentFanout {
  private readonly followed = new Map<string, Followed>();
  private readonly stats_: StreamStats = { published: 0, publishFailures: 0, applied: 0, gaps: 0, catchUps: 0, repairs: 0 };
  private readerId: number | null = null;
  private reading = false;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: DocumentStreamsOptions) {
    const { redis } = options;
    redis.command.defineCommand('concordiaPublish', { numberOfKeys: 2, lua: PUBLISH_SCRIPT });
    redis.command.defineCommand('concordiaCursor', { numberOfKeys: 2, lua: CURSOR_SCRIPT });
    redis.reader.on('ready', () => {
      redis.reader.client('ID').then(
        (id) => (this.readerId = Number(id)),
        () => (this.readerId = null),
      );
    });
    // [S6]
    redis.onReconnected(() => {
      for (const [documentId, followed] of this.followed) {
        if (!followed.document) continue;
        void this.publish(documentId, new Uint8Array(0), 0);
        this.catchUp(followed.document, 'reconnected');
      }
    });
  }

  get stats(): Readonly<StreamStats> {
    return this.stats_;
  }

  start(): void {
    this.loop ??= this.readLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unblock();
    this.wake?.();
    await this.loop?.catch(() => undefined);
    await Promise.all([...this.followed.values()].map((f) => f.catchingUp));
  }

  // [S3]
  async opening(documentId: string): Promise<void> {
    const followed: Followed = { document: null, cursor: null, catchingUp: null, catchUpAgain: false, tabled: new Set() };
    this.followed.set(documentId, followed);
    followed.cursor = await this.cursorOf(documentId);
  }

  opened(document: CollabDocument): void {
    const followed = this.followed.get(document.id);
    if (!followed) return;
    followed.document = document;
    // [S7] message-receiver.ts records the sponsor in the copy, then says so here.
    const announce = document.onNewProposals;
    document.onNewProposals = (proposals, author) => {
      for (const proposal of proposals) followed.tabled.add(proposal.id);
      announce?.(proposals, author);
    };
    document.onCommittedBatch = (update, throughUpdateId) => {
      const tabled = [...followed.tabled].flatMap((id) => {
        const recorded = document.proposalSponsors.get(id);
        return recorded ? [[id, recorded.sponsor, recorded.clauseId]] : [];
      });
      followed.tabled.clear();
      void this.publish(document.id, update, throughUpdateId, tabled.length > 0 ? JSON.stringify(tabled) : '');
    };
    // Without a cursor (Redis was away) the read loop takes one when Redis answers, then catches up.
    this.changed();
  }

  closed(document: CollabDocument): void {
    const followed = this.followed.get(document.id);
    if (!followed || (followed.document && followed.document !== document)) return;
    document.onCommittedBatch = null;
    this.followed.delete(document.id);
    this.changed();
  }

  /** Every open document, for anti-entropy. */
  openDocuments(): CollabDocument[] {
    return [...this.followed.values()].flatMap((f) => (f.document ? [f.document] : []));
  }

  /**
   * Compares the live copy with PostgreSQL and repairs it; resolves when done. One catch-up per
   * document at a time; one asked for meanwhile runs again after it.
   */
  catchUp(document: CollabDocument, reason: string): Promise<void> {
    const followed = this.followed.get(document.id);
    if (!followed || followed.document !== document) return Promise.resolve();
    if (followed.catchingUp) {
      followed.catchUpAgain = true;
      return followed.catchingUp;
    }
    const run = async (): Promise<void> => {
      let result: CatchUpResult | null = null;
      try {
        result = await catchUpFromDatabase(this.options.pool, document, this.options.log);
      } catch (err) {
        this.options.log.error({ err, documentId: document.id, reason }, 'catching up from PostgreSQL failed; retried by anti-entropy');
      }
      this.stats_.catchUps += 1;
      if (result?.repaired) {
        this.stats_.repairs += 1;
        this.options.log.warn({ documentId: document.id, reason, repairs: this.stats_.repairs }, 'live document repaired from PostgreSQL');
      }
      if (result && result.status !== 'draft' && document.status === 'draft') this.options.applyStatus(document.id, result.status);
      if (followed.catchUpAgain && !document.doc.isDestroyed) {
        followed.catchUpAgain = false;
        return run();
      }
    };
    followed.catchingUp = run().finally(() => {
      followed.catchingUp = null;
    });
    return followed.catchingUp;
  }

  /** [S1] Failures are counted, not retried: what was not published is caught up by the others ([S6], anti-entropy). */
  private async publish(documentId: string, update: Uint8Array, throughUpdateId: number, tabled = ''): Promise<void> {
    const { redis, maxLen, node } = this.options;
    if (redis.health() !== 'ok') {
      this.stats_.publishFailures += 1;
      return;
    }
    try {
      const publish = (redis.command as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>).concordiaPublish;
      await publish.call(redis.command, streamKey(documentId), seqKey(documentId), maxLen, node, throughUpdateId, IDLE_EXPIRY_MS, Buffer.from(update), tabled);
      this.stats_.published += 1;
    } catch (err) {
      this.stats_.publishFailures += 1;
      this.options.log.warn({ err: (err as Error).message, documentId }, 'update not published to Redis; other nodes catch up from PostgreSQL');
    }
  }

  private async cursorOf(documentId: string): Promise<Cursor | null> {
    const { redis } = this.options;
    if (redis.health() !== 'ok') return null;
    try {
      const cursor = (redis.command as unknown as Record<string, (...args: unknown[]) => Promise<[string, string]>>).concordiaCursor;
      const [id, seq] = await cursor.call(redis.command, streamKey(documentId), seqKey(documentId));
      return { id, seq: Number(seq) };
    } catch {
      return null;
    }
  }

  /** [S4] The set of documents changed: the blocking read in flight returns, and the next one includes it. */
  private changed(): void {
    this.wake?.();
    if (this.reading) this.unblock();
  }

  private unblock(): void {
    const { redis } = this.options;
    if (this.readerId === null || redis.health() !== 'ok') return;
    redis.command.client('UNBLOCK', this.readerId).catch(() => undefined);
  }

  private async readLoop(): Promise<void> {
    const { redis, log } = this.options;
    while (!this.stopped) {
      const streams = [...this.followed.entries()].filter(([, f]) => f.document && f.cursor);
      // A document followed without a cursor gets one as soon as Redis answers (then catches up).
      for (const [documentId, followed] of this.followed) {
        if (followed.document && !followed.cursor && redis.health() === 'ok') {
          followed.cursor = await this.cursorOf(documentId);
          if (followed.cursor && followed.document) void this.catchUp(followed.document, 'Redis reachable again');
        }
      }
      if (streams.length === 0 || redis.reader.status !== 'ready') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 200);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
        continue;
      }
      const keys = streams.map(([id]) => streamKey(id));
      const ids = streams.map(([, f]) => f.cursor!.id);
      let result: [Buffer, [Buffer, Buffer[]][]][] | null;
      this.reading = true;
      try {
        result = (await redis.reader.xreadBuffer('COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', ...keys, ...ids)) as typeof result;
      } catch (err) {
        if (this.stopped) break;
        log.debug({ err: (err as Error).message }, 'stream read failed; retried');
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      } finally {
        this.reading = false;
      }
      if (!result) continue;
      streams.forEach(([documentId], index) => {
        const entries = result!.find(([key]) => key.toString() === keys[index])?.[1];
        if (entries) this.receive(documentId, entries);
      });
    }
  }

  private receive(documentId: string, entries: [Buffer, Buffer[]][]): void {
    const followed = this.followed.get(documentId);
    const document = followed?.document;
    if (!followed || !document || !followed.cursor || document.doc.isDestroyed) return;
    let gap = false;
    for (const [rawId, fields] of entries) {
      const entry = fieldsOf(fields);
      const seq = Number(entry.s?.toString() ?? 'NaN');
      // [S2]
      if (seq !== followed.cursor.seq + 1) gap = true;
      followed.cursor = { id: rawId.toString(), seq };
      if (entry.n?.toString() === this.options.node) continue; // its own batch, relayed here already
      const update = entry.u ?? Buffer.alloc(0);
      if (update.byteLength === 0) {
        gap = true; // [S6] a resync mark
        continue;
      }
      try {
        if (entry.p && entry.p.byteLength > 0) recordSponsors(document, entry.p);
        Y.applyUpdate(document.doc, new Uint8Array(update), peerOrigin('stream', Number(entry.t?.toString() ?? 0)));
        this.stats_.applied += 1;
      } catch (err) {
        this.options.log.error({ err, documentId }, 'update from the stream could not be applied; catching up from PostgreSQL');
        gap = true;
      }
    }
    // Something this copy depends on has not arrived (published out of order by a node that caught up): PostgreSQL has it.
    if (document.doc.store.pendingStructs !== null || document.doc.store.pendingDs !== null) gap = true;
    if (gap) {
      this.stats_.gaps += 1;
      void this.catchUp(document, 'gap in the stream');
    }
  }
}

/** [S7] Sponsors already known here (recorded at load, or by a command) are kept. */
function recordSponsors(document: CollabDocument, json: Buffer): void {
  const tabled = JSON.parse(json.toString()) as unknown;
  if (!Array.isArray(tabled)) return;
  for (const entry of tabled) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[2] !== 'string') continue;
    const [id, sponsor, clauseId] = entry as [string, unknown, string];
    if (!document.proposalSponsors.has(id)) document.proposalSponsors.set(id, { sponsor: typeof sponsor === 'string' ? sponsor : null, clauseId });
  }
}

function fieldsOf(fields: Buffer[]): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) out[fields[i].toString()] = fields[i + 1];
  return out;
}
