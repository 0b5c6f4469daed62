import type { AppContext } from '../context';
import { documentParticipants, isInForce, latestApprovalRows, latestConfirmationRows } from './approval-store';
import { presentApproval, presentConfirmation } from '../presenters/approval';
import { deriveMatrixClauses, emptyMatrixRecords, filterMatrixClauses } from '../../../shared/src/approval-matrix';
import { documentReadiness, documentTextState, participantProgress } from '../../../shared/src/approval-status';
import type { ApprovalMatrix, ApprovalMatrixQuery } from '../../../shared/src/api/approvals';
import { documentPackageIndex } from '../packages/package-store';

/**
 * The approval matrix: every visible clause × every Participant, each cell's status derived from the
 * committed text now [A2], conditional approvals held while their package is not settled [A5], each
 * clause's concordance [A3], progress per Participant and readiness [A4].
 * The filters narrow the clauses listed, never progress or readiness.
 */
export async function loadApprovalMatrix(
  ctx: AppContext,
  document: { id: string; status: string; languages: string[] },
  query: ApprovalMatrixQuery = {},
): Promise<ApprovalMatrix> {
  const { value: texts } = await ctx.documents.read(document.id, (doc) => documentTextState(doc, document.languages));
  const participants = await documentParticipants(ctx.pool, document.id);
  const approvalRows = await latestApprovalRows(ctx.pool, document.id);
  const confirmationRows = await latestConfirmationRows(ctx.pool, document.id);
  const records = { ...emptyMatrixRecords(), packages: await documentPackageIndex(ctx.pool, document.id) };
  for (const row of approvalRows) {
    if (!isInForce(row)) continue;
    (records.approvals[row.clause_id] ??= {})[row.participant_id] = presentApproval(row);
  }
  for (const row of confirmationRows) records.confirmations[row.clause_id] = presentConfirmation(row);
  const participantIds = participants.map((p) => p.id);
  const clauses = deriveMatrixClauses(texts, participantIds, records);
  return {
    documentId: document.id,
    documentStatus: document.status,
    languages: [...document.languages],
    participants: participants.map((p) => ({ id: p.id, code: p.code, name: { ...p.name }, color: p.color })),
    clauses: filterMatrixClauses(clauses, participants, query),
    progress: participantProgress(clauses, participantIds),
    readiness: documentReadiness(clauses, participantIds),
    packages: Object.fromEntries(Object.entries(records.packages).map(([id, clauseIds]) => [id, [...clauseIds]])),
  };
}
