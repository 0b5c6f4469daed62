import type pg from 'pg';
import type { Logger } from '../logger';

export interface PendingUpdate {
  documentId: string;
  update: Uint8Array;
  userId: string | null;
  origin: 'connection' | 'server' | 'import';
}

interface Entry extends PendingUpdate {
  resolve(throughUpdateId: number): void;
  reject(err: unknown): void;
}

/**
 * A fenced commit refused an update: its document is no longer a draft in PostgreSQL (frozen or
 * archived on another node an instant before). Nothing of it is stored; its copy must not keep it.
 */
export class DocumentNotWritableError extends Error {
  constructor(readonly documentId: string) {
    super(`Document ${documentId} is not a draft: update not stored`);
    this.name = 'DocumentNotWritableError';
  }
}

/**
 * The fenced form of the batch INSERT (several nodes): rows are written only for documents that are
 * drafts, read under a share lock on their row, so a freeze committing on another node at the same
 * time (it holds that row FOR UPDATE) is waited for and then refuses them. One node alone needs no
 * fence: its status is set in memory before its freeze commits, and no later update is applied.
 */
const FENCED_INSERT = `
  WITH incoming AS (
    SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::uuid[], $4::text[]) WITH ORDINALITY AS u(document_id, update, user_id, origin, n)
  ), writable AS (
    SELECT id FROM documents WHERE id IN (SELECT document_id FROM incoming) AND status = 'draft' FOR SHARE
  )
  INSERT INTO document_updates (document_id, update, user_id, origin)
  SELECT i.document_id, i.update, i.user_id, i.origin FROM incoming i WHERE i.document_id IN (SELECT id FROM writable) ORDER BY i.n
  RETURNING id, document_id`;

const MAX_BATCH_ROWS = 1000;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;
const RETRY_DELAYS_MS = [50, 100, 250, 500, 1000, 2000, 5000];

/**
 * The durable append log of Yjs updates, with group commit: while one INSERT … COMMIT is in
 * flight, new updates queue; the next statement takes all of them at once. One statement is one
 * transaction, so each batch is all-or-nothing. A failed commit is retried (the batch stays in
 * memory, in order); nothing is relayed until its commit succeeds.
 */
export class UpdateLog {
  private queue: Entry[] = [];
  private writing = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private idleWaiters: Array<() => void> = [];
  /** Commits done and rows written, for the benchmark and /readyz-style introspection. */
  readonly stats = { commits: 0, rows: 0, failures: 0 };

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
    /** Several nodes (REDIS_URL): commit only to drafts (FENCED_INSERT). */
    private readonly fenced = false,
  ) {}

  /**
   * Resolves once the update is committed to PostgreSQL, with the newest row id of its document in the
   * batch that committed it (every row of a batch commits at once).
   */
  append(update: PendingUpdate): Promise<number> {
    if (this.closed) return Promise.reject(new Error('UpdateLog is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ ...update, resolve, reject });
      if (!this.writing && !this.retryTimer) void this.drain(0);
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves when everything appended so far is committed. */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0 && !this.writing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Waits for pending writes (with their retries) and refuses new ones. */
  async close(): Promise<void> {
    await this.whenIdle();
    this.closed = true;
  }

  private takeBatch(): Entry[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && count < MAX_BATCH_ROWS && (count === 0 || bytes + this.queue[count].update.byteLength <= MAX_BATCH_BYTES)) {
      bytes += this.queue[count].update.byteLength;
      count += 1;
    }
    return this.queue.slice(0, count);
  }

  private async drain(attempt: number): Promise<void> {
    this.retryTimer = null;
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      let inserted: pg.QueryResult<{ id: string; document_id: string }>;
      try {
        inserted = await this.pool.query<{ id: string; document_id: string }>(
          this.fenced
            ? FENCED_INSERT
            : `INSERT INTO document_updates (document_id, update, user_id, origin)
           SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::uuid[], $4::text[])
           RETURNING id, document_id`,
          [
            batch.map((e) => e.documentId),
            batch.map((e) => Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength)),
            batch.map((e) => e.userId),
            batch.map((e) => e.origin),
          ],
        );
      } catch (err) {
        this.stats.failures += 1;
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
        this.log.error({ err, rows: batch.length, retryInMs: delay }, 'committing Yjs updates failed; kept in memory, retrying');
        this.writing = false;
        this.retryTimer = setTimeout(() => void this.drain(attempt + 1), delay);
        return;
      }
      attempt = 0;
      this.queue.splice(0, batch.length);
      this.stats.commits += 1;
      this.stats.rows += batch.length;
      const newest = new Map<string, number>();
      for (const row of inserted.rows) newest.set(row.document_id, Math.max(newest.get(row.document_id) ?? 0, Number(row.id)));
      for (const entry of batch) {
        const through = newest.get(entry.documentId);
        if (through === undefined && this.fenced) entry.reject(new DocumentNotWritableError(entry.documentId));
        else entry.resolve(through ?? 0);
      }
    }
    this.writing = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
