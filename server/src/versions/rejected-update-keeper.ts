/**
 * Refused edits are kept for their author (rejected-updates.ts), but a writer who keeps sending them
 * cannot fill the database: the refused updates of one author in one document are merged for a moment
 * (MERGE_MS; one connection's burst, or an offline client's whole backlog, becomes one row and one audit
 * event), and what one author has kept in one document is capped (MAX_KEPT_BYTES, MAX_KEPT_ROWS). Past
 * the cap an edit is still refused, and only logged. Memory is bounded the same way: a buffer never holds
 * more than the cap.
 */
import * as Y from 'yjs';
import type pg from 'pg';
import type { Logger } from '../logger';
import { keepRejectedUpdate, type RejectedUpdate } from './rejected-updates';

export const REJECTED_UPDATE_LIMITS = {
  /** Refused updates of one author in one document arriving within this long are kept as one. */
  mergeMs: 1000,
  /** What one author may have kept in one document, in bytes of updates and in rows. */
  maxKeptBytes: 4 * 1024 * 1024,
  maxKeptRows: 100,
} as const;

interface Buffer {
  documentId: string;
  userId: string | null;
  reason: RejectedUpdate['reason'];
  updates: Uint8Array[];
  bytes: number;
  dropped: number;
  timer: NodeJS.Timeout;
}

export class RejectedUpdateKeeper {
  private readonly buffers = new Map<string, Buffer>();
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
  ) {}

  /** Takes one refused update; it is stored, merged with the author's others, within `mergeMs`. */
  add(rejected: RejectedUpdate): void {
    const key = JSON.stringify([rejected.documentId, rejected.userId, rejected.reason]);
    let buffer = this.buffers.get(key);
    if (!buffer) {
      const timer = setTimeout(() => this.write(key), REJECTED_UPDATE_LIMITS.mergeMs);
      timer.unref();
      buffer = { documentId: rejected.documentId, userId: rejected.userId, reason: rejected.reason, updates: [], bytes: 0, dropped: 0, timer };
      this.buffers.set(key, buffer);
    }
    if (buffer.bytes + rejected.update.byteLength > REJECTED_UPDATE_LIMITS.maxKeptBytes) {
      buffer.dropped += 1;
      return;
    }
    buffer.updates.push(rejected.update);
    buffer.bytes += rejected.update.byteLength;
  }

  /** Writes every buffer now and waits for what is being written (shutdown, tests). */
  async flush(): Promise<void> {
    for (const key of [...this.buffers.keys()]) this.write(key);
    await Promise.all([...this.writing]);
  }

  private write(key: string): void {
    const buffer = this.buffers.get(key);
    if (!buffer) return;
    this.buffers.delete(key);
    clearTimeout(buffer.timer);
    const writing = this.store(buffer).finally(() => this.writing.delete(writing));
    this.writing.add(writing);
  }

  private async store(buffer: Buffer): Promise<void> {
    const { documentId, userId, reason } = buffer;
    if (buffer.dropped > 0) this.log.warn({ documentId, userId, dropped: buffer.dropped }, 'refused updates beyond what one author may have kept: not kept');
    for (const update of mergedOrEach(buffer.updates)) {
      await keepRejectedUpdate(this.pool, this.log, { documentId, userId, reason, update, merged: buffer.updates.length }, REJECTED_UPDATE_LIMITS);
    }
  }
}

/** One update for many; updates that do not merge (each passed the guard, but Yjs may still refuse) are kept one by one. */
function mergedOrEach(updates: Uint8Array[]): Uint8Array[] {
  if (updates.length <= 1) return updates;
  try {
    return [Y.mergeUpdates(updates)];
  } catch {
    return updates;
  }
}
