import type * as Y from 'yjs';
import { api } from '../api/http';
import { documentPath } from '../api/documents';
import { clauseOrder, getClause } from '../../../shared/src/yjs-layout';

/** What the activity feed needs to restore a deleted clause: whether it is deleted now, and the server command. */
export function restoreFrom(ydoc: Y.Doc, documentId: string) {
  return {
    isDeleted: (clauseId: string) => getClause(ydoc, clauseId) !== undefined && !clauseOrder(ydoc).includes(clauseId),
    run: async (clauseId: string, afterId: string | null) => {
      await api.post(`${documentPath(documentId)}/clauses/${encodeURIComponent(clauseId)}/restore`, { afterId });
    },
  };
}
