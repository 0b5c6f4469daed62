import type * as Y from 'yjs';
import { api } from '../api/http';
import { documentPath } from '../api/documents';
import { clauseOrder, getClause } from '../../../shared/src/yjs-layout';

/** The server command that puts a deleted clause back in the text, after `afterId` (first when null or no longer there). */
export async function restoreClause(documentId: string, clauseId: string, afterId: string | null): Promise<void> {
  await api.post(`${documentPath(documentId)}/clauses/${encodeURIComponent(clauseId)}/restore`, { afterId });
}

/** What the activity feed needs to restore a deleted clause: whether it is deleted now, and the server command. */
export function restoreFrom(ydoc: Y.Doc, documentId: string) {
  return {
    isDeleted: (clauseId: string) => getClause(ydoc, clauseId) !== undefined && !clauseOrder(ydoc).includes(clauseId),
    run: (clauseId: string, afterId: string | null) => restoreClause(documentId, clauseId, afterId),
  };
}
