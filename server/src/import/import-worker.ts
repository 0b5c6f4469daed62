/**
 * The import thread's entry point (started by import-thread.ts): each task is one upload to read.
 */
import { serveTasks } from '../threads/serve-tasks';
import { readUpload, type ImportReply, type ImportRequest } from './read-upload';

serveTasks<ImportRequest, ImportReply>((request, { note }) => readUpload(request, note));
