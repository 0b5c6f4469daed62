/**
 * What a collab test needs to say "the document is unchanged" and "the server still serves it":
 * the stored state (rows and text), and the state a newcomer is handed.
 */
import * as Y from 'yjs';
import type pg from 'pg';
import { docFromDatabase } from './factories';
import { canonicalJSON, documentJSON } from './clause-edits';
import { collabFrame, isSyncPayload, openRawSocket, syncPayload } from './raw-collab-socket';

export interface StoredState {
  rows: number;
  /** Canonical JSON of every clause in every language, as PostgreSQL alone rebuilds it. */
  text: string;
  stateVector: number[];
}

export async function storedState(pool: pg.Pool, documentId: string): Promise<StoredState> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1', [documentId]);
  const doc = await docFromDatabase(pool, documentId);
  try {
    return { rows: rows[0].n, text: canonicalJSON(documentJSON(doc)), stateVector: [...Y.encodeStateVector(doc)] };
  } finally {
    doc.destroy();
  }
}

/**
 * Joins as a newcomer with a bare socket (sync step 1 with an empty state vector) and returns the
 * document the server answers with: proof that the server is up and serving this document.
 */
export async function documentServedToNewcomer(wsUrl: string, documentId: string, timeoutMs = 5000): Promise<Y.Doc> {
  const socket = openRawSocket(wsUrl, documentId);
  try {
    await socket.opened;
    socket.send(collabFrame.syncStep1(Y.encodeStateVector(new Y.Doc())));
    const answer = await socket.waitForFrame(isSyncPayload, 'the answer to sync step 1', timeoutMs);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, syncPayload(answer));
    return doc;
  } finally {
    socket.close();
  }
}
