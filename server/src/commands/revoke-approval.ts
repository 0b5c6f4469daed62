import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { insertRevocation, isInForce, latestApprovalRow, lockApprovalCell, lockDocumentStatus } from '../approvals/approval-store';
import { presentUserRef } from '../presenters/approval';
import type { ApprovalRevokedEvent } from '../../../shared/src/api/approvals';

export interface RevokeApprovalInput {
  documentId: string;
  clauseId: string;
  participantId: string;
  user: { id: string; displayName: string };
}

/**
 * Withdraws a Participant's approval of a clause, whether it is still current or already outdated.
 * Appends a revocation row (the approval stays in the history). The caller has authorized
 * 'clause.approve' for this Participant. not_found when no approval is in force.
 */
export async function revokeApproval(ctx: AppContext, input: RevokeApprovalInput): Promise<ApprovalRevokedEvent> {
  const { documentId, clauseId, participantId } = input;
  const event = await withTransaction(ctx.pool, async (client) => {
    const status = await lockDocumentStatus(client, documentId);
    if (status === null) throw new AppError('not_found');
    if (status !== 'draft') throw new AppError('document_frozen');
    await lockApprovalCell(client, documentId, clauseId, participantId);
    const current = await latestApprovalRow(client, documentId, clauseId, participantId);
    if (!isInForce(current)) throw new AppError('not_found');
    const inserted = await insertRevocation(client, { documentId, clauseId, participantId, userId: input.user.id, revokesId: current.id });
    await recordAuditEvent(client, {
      documentId,
      actorUserId: input.user.id,
      action: 'clause.approval_revoked',
      subject: { revocationId: inserted.id, approvalId: current.id, clauseId, participantId, fingerprint: current.fingerprint },
    });
    return {
      documentId,
      clauseId,
      participantId,
      approvalId: current.id,
      revokedBy: presentUserRef(input.user.id, input.user.displayName),
      revokedAt: inserted.created_at.toISOString(),
    };
  });
  ctx.log.info({ documentId, clauseId, participantId, approvalId: event.approvalId }, 'approval revoked');
  ctx.events.emit('approval.revoked', event);
  return event;
}
