import * as Y from 'yjs';
import type { AppContext } from '../context';
import { DocumentNotFoundError, loadDocumentState } from '../collab/document-store';
import { AppError } from '../http/errors';

/** How often to wait again when edits keep arriving while we wait for the previous ones to commit. */
const MAX_ROUNDS = 50;

export interface CommittedRead<T> {
  value: T;
  /** The newest document_updates row the text read includes; every later row changed it afterwards. */
  throughUpdateId: number;
}

/**
 * Reads the authoritative text at an instant when everything in it is committed.
 *
 * When the document is open, that is the live Y.Doc clients edit (from the collab registry): wait for
 * its pending writes, then for the newest stored update id, and if any change arrived meanwhile wait
 * again. `read` then runs synchronously, so it sees exactly the committed state through
 * `throughUpdateId` — a text nobody can lose to a crash, and one the approver's client can have received.
 *
 * When nobody has it open, the stored state is read into a private Y.Doc (the same snapshot + tail the
 * registry would load). The registry is not asked to load it: a document loaded without a connection
 * would stay in memory, and unloading it again could race with a client connecting.
 */
export async function readCommittedDocument<T>(ctx: AppContext, documentId: string, read: (doc: Y.Doc) => T): Promise<CommittedRead<T>> {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const document = ctx.documents ? await ctx.documents.peek(documentId) : null;
    if (!document) return readStored(ctx, documentId, read);
    let changed = false;
    const onUpdate = () => { changed = true; };
    document.doc.on('update', onUpdate);
    let throughUpdateId: number;
    try {
      await document.flushed();
      throughUpdateId = await newestUpdateId(ctx, documentId);
    } finally {
      document.doc.off('update', onUpdate);
    }
    // Unloaded while we waited (its last client left): the next round reads what was stored.
    if (changed || document.doc.isDestroyed) continue;
    return { value: read(document.doc), throughUpdateId };
  }
  ctx.log.warn({ documentId }, 'the text kept changing while waiting for it to be committed');
  throw new AppError('document_unavailable');
}

async function readStored<T>(ctx: AppContext, documentId: string, read: (doc: Y.Doc) => T): Promise<CommittedRead<T>> {
  const doc = new Y.Doc({ gc: true });
  try {
    let lastUpdateId: number;
    try {
      ({ lastUpdateId } = await loadDocumentState(ctx.pool, documentId, doc, ctx.log));
    } catch (err) {
      if (err instanceof DocumentNotFoundError) throw new AppError('not_found');
      ctx.log.error({ err, documentId }, 'document could not be loaded');
      throw new AppError('document_unavailable');
    }
    return { value: read(doc), throughUpdateId: lastUpdateId };
  } finally {
    doc.destroy();
  }
}

async function newestUpdateId(ctx: AppContext, documentId: string): Promise<number> {
  const { rows } = await ctx.pool.query<{ id: string | null }>('SELECT max(id) AS id FROM document_updates WHERE document_id = $1', [documentId]);
  return rows[0]?.id ? Number(rows[0].id) : 0;
}
