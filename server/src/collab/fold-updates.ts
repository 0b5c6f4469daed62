import * as Y from 'yjs';
import { persistenceOrigin, type TransactionOrigin } from './origins';

/** A stored update that could not be applied, by its position in the list it came in. */
export interface SkippedUpdate {
  index: number;
  reason: string;
}

/**
 * Applies updates in order, in one Yjs transaction (observers run once). An update that cannot be
 * applied is reported and skipped, never allowed to block the rest. One by one beats Y.mergeUpdates
 * here: merging re-encodes every struct of a long tail before anything is applied (measured in
 * docs/performance.md, "Cold load").
 */
export function applyEach(doc: Y.Doc, updates: readonly Uint8Array[], origin: TransactionOrigin): SkippedUpdate[] {
  const skipped: SkippedUpdate[] = [];
  doc.transact(() => {
    for (const [index, update] of updates.entries()) {
      try {
        Y.applyUpdate(doc, update, origin);
      } catch (err) {
        skipped.push({ index, reason: err instanceof Error ? err.message : String(err) });
      }
    }
  }, origin);
  return skipped;
}

export interface FoldedState {
  /** The whole state the updates make, as one update. */
  state: Uint8Array;
  skipped: SkippedUpdate[];
}

/** Folds a snapshot and the updates after it into one state (what compaction stores). */
export function foldUpdates(updates: readonly Uint8Array[]): FoldedState {
  const doc = new Y.Doc({ gc: true });
  try {
    const skipped = applyEach(doc, updates, persistenceOrigin);
    return { state: Y.encodeStateAsUpdate(doc), skipped };
  } finally {
    doc.destroy();
  }
}
