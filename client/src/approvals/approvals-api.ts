/** The approvals and concordance API (docs/api.md, "Approvals and concordance"). */
import { api } from '../api/http';
import type {
  ApprovalMatrix,
  ApprovalRecord,
  ApprovalRevokedEvent,
  ApproveClauseBody,
  ClauseApprovals,
  ConcordanceRecord,
  ConfirmForCapitalBody,
} from '../../../shared/src/api/approvals';

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;
const clausePath = (documentId: string, clauseId: string) => `${documentPath(documentId)}/clauses/${encodeURIComponent(clauseId)}`;

export const fetchApprovalMatrix = (documentId: string, signal?: AbortSignal) => api.get<ApprovalMatrix>(`${documentPath(documentId)}/approvals`, { signal });

export const fetchClauseApprovals = (documentId: string, clauseId: string, signal?: AbortSignal) =>
  api.get<ClauseApprovals>(`${clausePath(documentId, clauseId)}/approvals`, { signal });

export const postApproval = (documentId: string, clauseId: string, body: ApproveClauseBody) =>
  api.post<{ approval: ApprovalRecord }>(`${clausePath(documentId, clauseId)}/approvals`, body);

/** Confirms for the capital the ad referendum approval of a Participant, as shown (its fingerprint). */
export const postConfirmForCapital = (documentId: string, clauseId: string, body: ConfirmForCapitalBody) =>
  api.post<{ approval: ApprovalRecord }>(`${clausePath(documentId, clauseId)}/approvals/confirm`, body);

export const deleteApproval = (documentId: string, clauseId: string, participantId: string) =>
  api.delete<{ revocation: ApprovalRevokedEvent }>(`${clausePath(documentId, clauseId)}/approvals?participantId=${encodeURIComponent(participantId)}`);

export const postConcordance = (documentId: string, clauseId: string, languageHashes: Record<string, string>) =>
  api.post<{ confirmation: ConcordanceRecord }>(`${clausePath(documentId, clauseId)}/concordance`, { languageHashes });
