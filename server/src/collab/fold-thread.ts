import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FoldedState } from './fold-updates';
import type { FoldReply, FoldRequest } from './fold-worker';

const WORKER_FILE = path.resolve(__dirname, 'fold-worker.ts');
/** Resolved here, so the worker finds tsx whatever the process's working directory. */
const TSX_REGISTER = require.resolve('tsx/cjs/api');
/** A fold taking longer than this is taken for a hung thread: it is stopped and its folds fail. */
const DEFAULT_FOLD_TIMEOUT_MS = 60_000;
/** A thread with no fold for this long is stopped: its isolate holds ~35–40 MiB (docs/performance.md). */
const DEFAULT_IDLE_MS = 30_000;

interface Waiting {
  resolve: (state: FoldedState) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** One started worker and the folds it owes: a dead worker fails only its own folds, never its successor's. */
interface Running {
  worker: Worker;
  pending: Map<number, Waiting>;
  /** Stops the thread once it has been idle for idleMs; cleared by the next fold. */
  idle: NodeJS.Timeout | null;
}

/**
 * One worker thread that folds updates for compaction, started on first use. It does not keep the
 * process alive while idle, and stops after idleMs without a fold (the next fold starts it again). If it
 * dies or hangs, the folds it owes fail (compaction retries later) and the next fold starts a new thread.
 */
export class FoldThread {
  private running: Running | null = null;
  private nextId = 1;

  constructor(
    private readonly timeoutMs = DEFAULT_FOLD_TIMEOUT_MS,
    private readonly idleMs = DEFAULT_IDLE_MS,
  ) {}

  /** Whether a worker thread is running now. */
  get started(): boolean {
    return this.running !== null;
  }

  fold(updates: Uint8Array[]): Promise<FoldedState> {
    const running = this.running ?? this.start();
    if (running.idle) clearTimeout(running.idle);
    running.idle = null;
    const id = this.nextId++;
    return new Promise<FoldedState>((resolve, reject) => {
      const timer = setTimeout(() => void this.stop(running, new Error(`the fold thread did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      timer.unref();
      running.pending.set(id, { resolve, reject, timer });
      if (running.pending.size === 1) running.worker.ref();
      running.worker.postMessage({ id, updates } satisfies FoldRequest);
    });
  }

  async close(): Promise<void> {
    if (this.running) await this.stop(this.running, new Error('the fold thread was closed'));
  }

  private start(): Running {
    // The worker is TypeScript too: it loads through tsx's require hook, as the server loads through tsx.
    const worker = new Worker(`require(${JSON.stringify(TSX_REGISTER)}).register(); require(${JSON.stringify(WORKER_FILE)});`, { eval: true });
    worker.unref();
    const running: Running = { worker, pending: new Map(), idle: null };
    worker.on('message', (reply: FoldReply) => {
      const waiting = running.pending.get(reply.id);
      if (!waiting) return;
      this.settle(running, reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve({ state: reply.state, skipped: reply.skipped });
    });
    worker.on('error', (err) => void this.stop(running, err));
    worker.on('exit', (code) => void this.stop(running, new Error(`the fold thread exited with code ${code}`)));
    this.running = running;
    return running;
  }

  private settle(running: Running, id: number): void {
    clearTimeout(running.pending.get(id)?.timer);
    running.pending.delete(id);
    if (running.pending.size > 0) return;
    running.worker.unref();
    if (this.running !== running || running.idle) return;
    running.idle = setTimeout(() => {
      running.idle = null;
      if (running.pending.size === 0) void this.stop(running, new Error('the fold thread was idle'));
    }, this.idleMs);
    running.idle.unref();
  }

  /** Fails what this worker owes and ends it; a later fold starts another. */
  private async stop(running: Running, err: Error): Promise<void> {
    if (this.running === running) this.running = null;
    if (running.idle) clearTimeout(running.idle);
    running.idle = null;
    const waiting = [...running.pending.entries()];
    for (const [id] of waiting) this.settle(running, id);
    for (const [, { reject }] of waiting) reject(err);
    await running.worker.terminate();
  }
}
