/**
 * The thread compaction folds updates on, so that applying and re-encoding a whole document (tens of
 * milliseconds for a long agreement) never blocks the event loop that relays live edits.
 * Messages: { id, updates } in, { id, state, skipped } or { id, error } out.
 */
import { parentPort } from 'node:worker_threads';
import { foldUpdates } from './fold-updates';

export interface FoldRequest {
  id: number;
  updates: Uint8Array[];
}
export type FoldReply = { id: number; state: Uint8Array; skipped: { index: number; reason: string }[] } | { id: number; error: string };

parentPort?.on('message', ({ id, updates }: FoldRequest) => {
  let reply: FoldReply;
  try {
    reply = { id, ...foldUpdates(updates) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply, 'error' in reply ? [] : [reply.state.buffer as ArrayBuffer]);
});
