/**
 * The import-writing thread's entry point (started by build-thread.ts): each task is one confirmed
 * import to turn into a Yjs update.
 */
import { serveTasks } from '../threads/serve-tasks';
import { buildImportUpdate, type BuildReply, type BuildRequest } from './build-import-update';

serveTasks<BuildRequest, BuildReply>((request) => buildImportUpdate(request));
