import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FoldedState } from './fold-updates';
import type { FoldReply, FoldRequest } from './fold-worker';

const WORKER_FILE = path.resolve(__dirname, 'fold-worker.ts');
/** Resolved here, so the worker finds tsx whatever the process's working directory. */
const TSX_REGISTER = require.resolve('tsx/cjs/api');

/**
 * One worker thread that folds updates for compaction, started on first use. It does not keep the
 * process alive. If it dies, the folds in flight fail (compaction retries later) and the next fold
 * starts a new thread.
 */
export class FoldThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (state: FoldedState) => void; reject: (err: Error) => void }>();

  fold(updates: Uint8Array[]): Promise<FoldedState> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<FoldedState>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, updates } satisfies FoldRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the fold thread was closed'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    // The worker is TypeScript too: it loads through tsx's require hook, as the server loads through tsx.
    const worker = new Worker(`require(${JSON.stringify(TSX_REGISTER)}).register(); require(${JSON.stringify(WORKER_FILE)});`, { eval: true });
    worker.unref();
    worker.on('message', (reply: FoldReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve({ state: reply.state, skipped: reply.skipped });
    });
    const lost = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(err);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the fold thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(err);
  }
}
