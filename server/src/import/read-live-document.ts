import type * as Y from 'yjs';
import type { AppContext } from '../context';
import type { CollabDocument } from '../collab/collab-document';
import { DocumentNotFoundError } from '../collab/document-store';
import { AppError } from '../http/errors';

/** Opens the live document (the one clients edit; loaded when nobody has it open); 404 / 503 as a person should read them. */
export async function openLiveDocument(ctx: AppContext, documentId: string): Promise<CollabDocument> {
  if (!ctx.documents) throw new AppError('document_unavailable');
  try {
    return await ctx.documents.open(documentId);
  } catch (error) {
    if (error instanceof DocumentNotFoundError) throw new AppError('not_found');
    ctx.log.error({ err: error, documentId }, 'document could not be loaded');
    throw new AppError('document_unavailable');
  }
}

/** Lets the registry unload a document this request opened, once nobody is connected to it. */
export function releaseLiveDocument(ctx: AppContext, document: CollabDocument): void {
  if (document.connections.size === 0) void ctx.documents?.release(document);
}

/** Reads the live text once everything in it so far is stored. */
export async function readLiveDocument<T>(ctx: AppContext, documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const document = await openLiveDocument(ctx, documentId);
  try {
    await document.flushed();
    if (document.doc.isDestroyed) return readLiveDocument(ctx, documentId, read);
    return read(document.doc);
  } finally {
    releaseLiveDocument(ctx, document);
  }
}
