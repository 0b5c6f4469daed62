/**
 * Where uploads are read: one worker thread per process (import-worker.ts), started on first use. A
 * DOCX is a ZIP of XML whose cost to read grows with what it inflates to, not with what it weighs, so
 * the event loop that serves every negotiation never reads one. The thread reads one upload at a time
 * within IMPORT_LIMITS (time, heap); a file that exhausts it is refused as too complex, naming it.
 */
import path from 'node:path';
import { TaskFailed, TaskThread } from '../threads/task-thread';
import { AppError } from '../http/errors';
import { importFileError } from './import-file-error';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportReply, ImportRequest, ReadingNote } from './read-upload';

/** Uploads allowed to wait behind the one being read. */
const MAX_WAITING = 4;

let thread: TaskThread<ImportRequest, ImportReply> | null = null;

function importThread(): TaskThread<ImportRequest, ImportReply> {
  thread ??= new TaskThread({
    name: 'the import thread',
    workerFile: path.resolve(__dirname, 'import-worker.ts'),
    timeoutMs: IMPORT_LIMITS.readMs,
    maxHeapMb: IMPORT_LIMITS.heapMb,
    maxWaiting: MAX_WAITING,
  });
  return thread;
}

/** The upload read into a preview, or the AppError that refuses it. */
export async function readUploadOffThread(request: ImportRequest): Promise<Extract<ImportReply, { ok: true }>> {
  let reading = request.files[0]?.name ?? '';
  let reply: ImportReply;
  try {
    reply = await importThread().run(request, { onNote: (note) => (reading = (note as ReadingNote).reading) });
  } catch (err) {
    if (!(err instanceof TaskFailed)) throw err;
    if (err.reason === 'busy') throw new AppError('server_busy');
    throw importFileError('import_too_slow', reading, { seconds: IMPORT_LIMITS.readMs / 1000 });
  }
  if (!reply.ok) throw new AppError(reply.code, reply.params);
  return reply;
}
