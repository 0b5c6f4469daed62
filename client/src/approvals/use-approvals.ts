/**
 * The approvals of an open document in React, on the shared live store (realtime/live-store.ts):
 *  - useApprovalsStore(documentId, ydoc): the store, kept live (records in force, then socket.io events on
 *    the document's room — the screen joins it with useDocumentChannel — read again after a reconnection);
 *  - useApprovals(store): the whole matrix and the actions, for the matrix panel;
 *  - useApprovalRow / useApprovalsMeta: one clause's row, and what changes rarely, for its badges — a
 *    change to another clause does not re-render them.
 */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { ApprovalRecord, ConcordanceRecord, MatrixClause } from '../../../shared/src/api/approvals';
import { useLive, useLiveSelect, useLiveStart } from '../realtime/use-live';
import { deleteApproval, fetchApprovalMatrix, postApproval, postConcordance, postConfirmForCapital } from './approvals-api';
import { ApprovalsStore, type ApprovalsMeta, type ApprovalsSnapshot } from './approvals-store';

export interface Approvals extends ApprovalsSnapshot {
  store: ApprovalsStore;
  documentId: string;
  ydoc: Y.Doc;
  /** Approve a clause for a Participant, covering exactly the text whose fingerprint is given. */
  /** `packageId`: conditional on that package [A5]. */
  approve(
    clauseId: string,
    participantId: string,
    fingerprint: string,
    acknowledgeConcordance: boolean,
    adReferendum?: boolean,
    packageId?: string | null,
  ): Promise<ApprovalRecord>;
  /** Confirm for the capital the ad referendum approval whose fingerprint is given. */
  confirmForCapital(clauseId: string, participantId: string, fingerprint: string): Promise<ApprovalRecord>;
  revoke(clauseId: string, participantId: string): Promise<void>;
  /** Confirm that the language versions say the same thing, as given by their hashes. */
  confirmConcordance(clauseId: string, languageHashes: Record<string, string>): Promise<ConcordanceRecord>;
  reload(): void;
}

export function createApprovalsStore(documentId: string, ydoc: Y.Doc): ApprovalsStore {
  return new ApprovalsStore(documentId, ydoc, {
    fetchMatrix: (signal) => fetchApprovalMatrix(documentId, signal),
    approve: (clauseId, body) => postApproval(documentId, clauseId, body),
    confirmForCapital: (clauseId, body) => postConfirmForCapital(documentId, clauseId, body),
    revoke: (clauseId, participantId) => deleteApproval(documentId, clauseId, participantId),
    confirmConcordance: (clauseId, hashes) => postConcordance(documentId, clauseId, hashes),
  });
}

/** The store of one document's approvals, live while the component is mounted; reading it is left to its parts. */
export function useApprovalsStore(documentId: string, ydoc: Y.Doc): ApprovalsStore {
  const store = useMemo(() => createApprovalsStore(documentId, ydoc), [documentId, ydoc]);
  useLiveStart(store);
  return store;
}

/** The whole matrix, live, with the actions. */
export function useApprovals(store: ApprovalsStore): Approvals {
  const snapshot = useLive(store);
  return useMemo(
    () => ({
      ...snapshot,
      store,
      documentId: store.documentId,
      ydoc: store.ydoc,
      approve: (clauseId: string, participantId: string, fingerprint: string, acknowledge: boolean, adReferendum?: boolean, packageId?: string | null) =>
        store.approve(clauseId, participantId, fingerprint, acknowledge, adReferendum, packageId),
      confirmForCapital: (clauseId: string, participantId: string, fingerprint: string) => store.confirmForCapital(clauseId, participantId, fingerprint),
      revoke: (clauseId: string, participantId: string) => store.revoke(clauseId, participantId),
      confirmConcordance: (clauseId: string, hashes: Record<string, string>) => store.confirmConcordance(clauseId, hashes),
      reload: () => {
        void store.reload();
      },
    }),
    [snapshot, store],
  );
}

/** One clause's row of the matrix: re-renders only when that clause's text or records change. */
export function useApprovalRow(store: ApprovalsStore, clauseId: string): MatrixClause | undefined {
  return useLiveSelect(store, (snapshot) => snapshot.byClause.get(clauseId));
}

/** Status, languages and Participants: re-renders only when one of them changes. */
export function useApprovalsMeta(store: ApprovalsStore): ApprovalsMeta {
  return useLiveSelect(store, (snapshot) => snapshot.meta);
}
