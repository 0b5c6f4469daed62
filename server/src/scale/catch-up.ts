/**
 * Catching up from PostgreSQL: what a node does when it may have missed something another node
 * committed (its stream was trimmed, Redis restarted, the node was paused or cut from Redis), and
 * what anti-entropy does periodically. Never from memory, never from Redis: the stored document
 * (snapshot + tail, as a load reads it) is read into a private Y.Doc, and what the live copy lacks
 * of it is applied with a peer origin — relayed to this node's clients, never stored again.
 */
import * as Y from 'yjs';
import type pg from 'pg';
import type { Logger } from '../logger';
import type { CollabDocument } from '../collab/collab-document';
import { loadDocumentState } from '../collab/document-store';
import { peerOrigin } from '../collab/origins';

export interface CatchUpResult {
  /** The live copy lacked something PostgreSQL holds, and has it now. */
  repaired: boolean;
  /** The status PostgreSQL holds (a freeze this node may not have heard of). */
  status: CollabDocument['status'];
}

/** Brings the live copy up to what PostgreSQL holds; null when the copy was unloaded meanwhile. */
export async function catchUpFromDatabase(pool: pg.Pool, document: CollabDocument, log: Logger): Promise<CatchUpResult | null> {
  const stored = new Y.Doc({ gc: true });
  try {
    const { lastUpdateId, status } = await loadDocumentState(pool, document.id, stored, log);
    if (document.doc.isDestroyed) return null;
    const before = Y.snapshot(document.doc);
    const missing = Y.encodeStateAsUpdate(stored, Y.encodeStateVector(document.doc));
    Y.applyUpdate(document.doc, missing, peerOrigin('catch-up', lastUpdateId));
    // A snapshot holds the state vector and the deletions: equal snapshots, nothing was missing.
    const repaired = !Y.equalSnapshots(before, Y.snapshot(document.doc));
    return { repaired, status: status as CollabDocument['status'] };
  } finally {
    stored.destroy();
  }
}
