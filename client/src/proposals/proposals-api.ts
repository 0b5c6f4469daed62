/** The proposal and phase routes (docs/api.md, "Proposals"). Errors arrive as ApiError with the server's translated message. */
import { api } from '../api/http';
import { documentPath } from '../api/documents';
import type { DocumentPhase } from '../../../shared/src/policy';
import type { PhaseAnswer, PositionBody, ProposalDecision, ProposalJSON } from '../../../shared/src/api/proposals';

const proposal = (documentId: string, proposalId: string) => `${documentPath(documentId)}/proposals/${encodeURIComponent(proposalId)}`;

export const proposalsApi = {
  list: (documentId: string, signal?: AbortSignal) => api.get<{ proposals: ProposalJSON[] }>(`${documentPath(documentId)}/proposals`, { signal }),
  decide: (documentId: string, proposalId: string, decision: ProposalDecision) =>
    api.post<{ proposal: ProposalJSON }>(`${proposal(documentId, proposalId)}/${decision}`, {}),
  position: (documentId: string, proposalId: string, participantId: string, body: PositionBody) =>
    api.put<{ proposal: ProposalJSON }>(`${proposal(documentId, proposalId)}/positions/${encodeURIComponent(participantId)}`, body),
  explain: (documentId: string, proposalId: string, explanation: string) =>
    api.put<{ proposal: ProposalJSON }>(`${proposal(documentId, proposalId)}/explanation`, { explanation }),
  cosponsor: (documentId: string, proposalId: string, participantId: string, join: boolean) => {
    const path = `${proposal(documentId, proposalId)}/cosponsors/${encodeURIComponent(participantId)}`;
    return join ? api.put<{ proposal: ProposalJSON }>(path, {}) : api.delete<{ proposal: ProposalJSON }>(path);
  },
  setPhase: (documentId: string, phase: DocumentPhase) => api.put<PhaseAnswer>(`${documentPath(documentId)}/phase`, { phase }),
};
