/**
 * Where a confirmed import becomes a Yjs update: one worker thread per process (build-worker.ts),
 * started on first use and apart from the thread that reads uploads, so that a confirmation never
 * waits behind somebody's hostile file. Its input is already bounded (a preview of at most
 * IMPORT_LIMITS.clauses rows, read within the limits); a build that still fails to finish means the
 * machine is overloaded, and the person is asked to try again.
 */
import path from 'node:path';
import { TaskFailed, TaskThread } from '../threads/task-thread';
import { AppError } from '../http/errors';
import type { Logger } from '../logger';
import type { BuildReply, BuildRequest } from './build-import-update';

/** Confirmations allowed to wait behind the one being built. */
const MAX_WAITING = 4;
/** A 1,000-clause import builds in well under a second; this is an overloaded machine. */
const BUILD_MS = 30_000;
const HEAP_MB = 512;

let thread: TaskThread<BuildRequest, BuildReply> | null = null;

function buildThread(): TaskThread<BuildRequest, BuildReply> {
  thread ??= new TaskThread({
    name: 'the import-writing thread',
    workerFile: path.resolve(__dirname, 'build-worker.ts'),
    timeoutMs: BUILD_MS,
    maxHeapMb: HEAP_MB,
    maxWaiting: MAX_WAITING,
  });
  return thread;
}

/** The import's update, its clause ids and the clauses flagged as missing a language; or the AppError that refuses it. */
export async function buildImportUpdateOffThread(request: BuildRequest, log: Logger): Promise<Extract<BuildReply, { ok: true }>> {
  let reply: BuildReply;
  try {
    reply = await buildThread().run(request);
  } catch (err) {
    if (!(err instanceof TaskFailed)) throw err;
    log.warn({ reason: err.reason, err: err.message }, 'import not built');
    throw new AppError('server_busy');
  }
  if (!reply.ok) {
    log.info({ reason: reply.reason }, 'import refused');
    throw new AppError(reply.code, reply.params);
  }
  return reply;
}
