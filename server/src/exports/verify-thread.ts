/**
 * Where uploaded files are verified for POST /api/verify: one worker thread per process
 * (verify-worker.ts), started on first use, one file at a time. A check parses, serialises and hashes
 * a record of up to 25 MiB and redraws a PDF — seconds of work on a hostile file — so the event loop
 * never does it. A file that exhausts the thread's time or heap is answered as unreadable; more files
 * waiting than MAX_WAITING are refused with 503 server_busy.
 */
import path from 'node:path';
import { TaskFailed, TaskThread } from '../threads/task-thread';
import { AppError } from '../http/errors';
import type { OfflineVerification } from './verify-file';

export interface VerifyRequest {
  bytes: Uint8Array;
}
export type VerifyReply = Omit<OfflineVerification, 'envelope'>;

const TIMEOUT_MS = 60_000;
const HEAP_MB = 512;
const MAX_WAITING = 4;

let thread: TaskThread<VerifyRequest, VerifyReply, string, boolean> | null = null;

function verifyThread(): TaskThread<VerifyRequest, VerifyReply, string, boolean> {
  thread ??= new TaskThread({
    name: 'the verification thread',
    workerFile: path.resolve(__dirname, 'verify-worker.ts'),
    timeoutMs: TIMEOUT_MS,
    maxHeapMb: HEAP_MB,
    maxWaiting: MAX_WAITING,
  });
  return thread;
}

/** The file checked off the event loop; `isKnown` is asked on this thread, as soon as the file's fingerprint is read. */
export async function verifyOffThread(bytes: Buffer, isKnown: (fingerprint: string) => Promise<boolean>): Promise<VerifyReply> {
  try {
    // A body of 25 MiB is handed over, not copied; the route reads no more of it. (Only a buffer of its
    // own can be: a small one may share Node's pool with other buffers.)
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const payload = own ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
    return await verifyThread().run({ bytes: payload }, { answer: isKnown, transfer: [payload.buffer as ArrayBuffer] });
  } catch (err) {
    if (!(err instanceof TaskFailed)) throw err;
    if (err.reason === 'busy') throw new AppError('server_busy');
    return {
      genuine: false,
      failure: 'unreadable',
      format: null,
      fingerprint: null,
      problems: [`The file could not be checked within ${TIMEOUT_MS / 1000} s and ${HEAP_MB} MiB: no export needs that much.`],
      record: null,
      original: null,
      attestations: null,
    };
  }
}
