/**
 * The proposals of a document in React, on the shared live store:
 *  - useProposalsStore(documentId): the store, kept live while the screen is open;
 *  - useClauseProposals(store, clauseId) / useOpenProposals(store, clauseId): one clause's part, so a
 *    proposal in another clause does not re-render it;
 *  - proposalActions(store): the decisions, positions and explanation, each answer applied at once.
 */
import { useMemo } from 'react';
import type { PositionBody, ProposalDecision, ProposalJSON } from '../../../shared/src/api/proposals';
import { useLiveSelect, useLiveStart } from '../realtime/use-live';
import { proposalsApi } from './proposals-api';
import { ProposalsStore } from './proposals-store';

const NONE: readonly ProposalJSON[] = [];

export function createProposalsStore(documentId: string): ProposalsStore {
  return new ProposalsStore(documentId, async (signal) => (await proposalsApi.list(documentId, signal)).proposals);
}

export function useProposalsStore(documentId: string): ProposalsStore {
  const store = useMemo(() => createProposalsStore(documentId), [documentId]);
  useLiveStart(store);
  return store;
}

export function useClauseProposals(store: ProposalsStore, clauseId: string | null): readonly ProposalJSON[] {
  return useLiveSelect(store, (snapshot) => (clauseId ? (snapshot.byClause.get(clauseId) ?? NONE) : NONE));
}

export function useOpenProposals(store: ProposalsStore, clauseId: string): readonly ProposalJSON[] {
  return useLiveSelect(store, (snapshot) => snapshot.openByClause.get(clauseId) ?? NONE);
}

export function useAllProposals(store: ProposalsStore): ReadonlyMap<string, ProposalJSON> {
  return useLiveSelect(store, (snapshot) => snapshot.byId);
}

export interface ProposalActions {
  decide(proposalId: string, decision: ProposalDecision): Promise<ProposalJSON>;
  position(proposalId: string, participantId: string, body: PositionBody): Promise<ProposalJSON>;
  explain(proposalId: string, explanation: string): Promise<ProposalJSON>;
  cosponsor(proposalId: string, participantId: string, join: boolean): Promise<ProposalJSON>;
}

export function proposalActions(store: ProposalsStore): ProposalActions {
  const documentId = store.documentId;
  // The socket event that follows each answer changes nothing.
  const apply = async (call: Promise<{ proposal: ProposalJSON }>) => {
    const { proposal } = await call;
    store.upsert(proposal);
    return proposal;
  };
  return {
    decide: (proposalId, decision) => apply(proposalsApi.decide(documentId, proposalId, decision)),
    position: (proposalId, participantId, body) => apply(proposalsApi.position(documentId, proposalId, participantId, body)),
    explain: (proposalId, explanation) => apply(proposalsApi.explain(documentId, proposalId, explanation)),
    cosponsor: (proposalId, participantId, join) => apply(proposalsApi.cosponsor(documentId, proposalId, participantId, join)),
  };
}
