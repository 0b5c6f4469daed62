/**
 * Comments read the clause text from the live Y.Doc that clients edit (the collab registry), loaded
 * from PostgreSQL when nobody has the document open and unloaded again afterwards.
 */
import type * as Y from 'yjs';
import type { AppContext } from '../context';
import type { CollabDocument } from '../collab/collab-document';

export interface LiveReadOptions {
  /** Wait (up to `timeoutMs`) until this holds: e.g. the edits an anchor refers to have arrived. */
  until?: (doc: Y.Doc) => boolean;
  timeoutMs?: number;
}

/**
 * Runs `read` synchronously on the live document; `read(null)` when it cannot be loaded (the caller
 * then reports anchors as unknown rather than failing a list).
 */
export async function readLiveDocument<T>(ctx: AppContext, documentId: string, read: (doc: Y.Doc | null) => T, options: LiveReadOptions = {}): Promise<T> {
  const registry = ctx.documents;
  if (!registry) return read(null);
  const deadline = Date.now() + (options.timeoutMs ?? 0);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    let document: CollabDocument;
    try {
      document = await registry.open(documentId);
    } catch (err) {
      ctx.log.warn({ err, documentId }, 'comments: the live document could not be loaded');
      return read(null);
    }
    try {
      if (options.until && !options.until(document.doc)) await waitFor(document, options.until, deadline);
      if (document.doc.isDestroyed) continue; // unloaded while we waited: read the fresh copy
      return read(document.doc);
    } finally {
      if (document.connections.size === 0) void registry.release(document);
    }
  }
  return read(null);
}

function waitFor(document: CollabDocument, until: (doc: Y.Doc) => boolean, deadline: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.doc.off('update', check);
      document.doc.off('destroy', done);
      resolve();
    };
    const check = () => { if (until(document.doc)) done(); };
    const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
    document.doc.on('update', check);
    document.doc.on('destroy', done);
  });
}
