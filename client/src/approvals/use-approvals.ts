/**
 * useApprovals(documentId, ydoc): the approval matrix of an open document, live.
 *
 * Fetches the records in force, listens to approval and concordance events on the document's socket.io
 * room (the screen that opens the document joins it with useDocumentChannel), and derives every status
 * from `ydoc` with the shared code — so "outdated" and "stale" appear the moment either language changes,
 * in every client, without asking the server.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useRealtimeSocket } from '../realtime/realtime';
import { ApprovalsStore, type ApprovalsSnapshot } from './approvals-store';
import { deleteApproval, postApproval, postConcordance } from './approvals-api';
import type { ApprovalRecord, ConcordanceRecord } from '../../../shared/src/approval-api';

export interface Approvals extends ApprovalsSnapshot {
  documentId: string;
  ydoc: Y.Doc;
  /** Approve a clause for a Participant, covering exactly the text whose fingerprint is given. */
  approve(clauseId: string, participantId: string, fingerprint: string, acknowledgeConcordance: boolean): Promise<ApprovalRecord>;
  revoke(clauseId: string, participantId: string): Promise<void>;
  /** Confirm that the language versions say the same thing, as given by their hashes. */
  confirmConcordance(clauseId: string, languageHashes: Record<string, string>): Promise<ConcordanceRecord>;
  reload(): void;
}

const LOADING: ApprovalsSnapshot = {
  status: 'loading', error: null, documentStatus: 'draft', languages: [], participants: [],
  records: { approvals: {}, confirmations: {} }, clauses: [], progress: {}, readiness: { ready: false, approved: 0, total: 0 },
};
const noop = () => () => undefined;

export function useApprovals(documentId: string, ydoc: Y.Doc): Approvals {
  const socket = useRealtimeSocket();
  const [store, setStore] = useState<ApprovalsStore | null>(null);

  useEffect(() => {
    const next = new ApprovalsStore(documentId, ydoc, socket);
    setStore(next);
    void next.load();
    return () => next.destroy();
  }, [documentId, ydoc, socket]);

  const snapshot = useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? (() => LOADING));

  const approve = useCallback(async (clauseId: string, participantId: string, fingerprint: string, acknowledgeConcordance: boolean) => {
    const { approval } = await postApproval(documentId, clauseId, { participantId, fingerprint, acknowledgeConcordance });
    store?.applyRecorded({ documentId, approval });
    return approval;
  }, [documentId, store]);

  const revoke = useCallback(async (clauseId: string, participantId: string) => {
    const { revocation } = await deleteApproval(documentId, clauseId, participantId);
    store?.applyRevoked(revocation);
  }, [documentId, store]);

  const confirmConcordance = useCallback(async (clauseId: string, languageHashes: Record<string, string>) => {
    const { confirmation } = await postConcordance(documentId, clauseId, languageHashes);
    store?.applyConfirmed({ documentId, confirmation });
    return confirmation;
  }, [documentId, store]);

  const reload = useCallback(() => { void store?.load(); }, [store]);

  return useMemo(() => ({ ...snapshot, documentId, ydoc, approve, revoke, confirmConcordance, reload }),
    [snapshot, documentId, ydoc, approve, revoke, confirmConcordance, reload]);
}
