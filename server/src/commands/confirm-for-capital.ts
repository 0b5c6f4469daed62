import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { clauseSnapshot } from '../approvals/clause-snapshot';
import { insertApprovalConfirmation, isInForce, latestApprovalRow, lockApprovalCell, lockDocumentStatus } from '../approvals/approval-store';
import { presentApproval } from '../presenters/approval';
import type { ApprovalRecord } from '../../../shared/src/api/approvals';

export interface ConfirmForCapitalInput {
  documentId: string;
  languages: readonly string[];
  clauseId: string;
  participantId: string;
  user: { id: string; displayName: string };
  /** The fingerprint of the approval as the person was shown it. */
  fingerprint: string;
}

/**
 * Confirms for the capital an approval a Participant gave ad referendum, which makes it final (issue
 * 16). The caller has authorized 'approval.confirm_for_capital' for this Participant [P8]. The
 * confirmation is bound to the fingerprint the approval covers: when the clause's text is no longer
 * that text (or the person was shown another), it is refused with the languages that changed — the
 * capital confirms what its delegate accepted, nothing else.
 */
export async function confirmForCapital(ctx: AppContext, input: ConfirmForCapitalInput): Promise<ApprovalRecord> {
  const { documentId, clauseId, participantId } = input;
  const { value: clause } = await ctx.documents.read(documentId, (doc) => clauseSnapshot(doc, clauseId, input.languages));
  if (!clause) throw new AppError('not_found');

  const row = await withTransaction(ctx.pool, async (client) => {
    const status = await lockDocumentStatus(client, documentId);
    if (status === null) throw new AppError('not_found');
    if (status !== 'draft') throw new AppError('document_frozen');
    await lockApprovalCell(client, documentId, clauseId, participantId);
    const current = await latestApprovalRow(client, documentId, clauseId, participantId);
    if (!isInForce(current)) throw new AppError('approval_not_found');
    if (!current.ad_referendum || current.confirmed_at !== null) throw new AppError('approval_not_ad_referendum');
    if (clause.fingerprint !== current.fingerprint || input.fingerprint !== current.fingerprint) {
      const changedLanguages = input.languages.filter((lang) => clause.languageHashes[lang] !== current.language_hashes[lang]);
      ctx.log.info({ documentId, clauseId, participantId, approvalId: current.id }, 'confirmation for the capital refused: the text changed');
      throw new AppError('approval_text_changed', {}, { changedLanguages });
    }
    const inserted = await insertApprovalConfirmation(client, { approvalId: current.id, userId: input.user.id, fingerprint: current.fingerprint });
    await recordAuditEvent(client, {
      documentId,
      actorUserId: input.user.id,
      action: 'clause.approval_confirmed',
      subject: { confirmationId: inserted.id, approvalId: current.id, clauseId, participantId, fingerprint: current.fingerprint },
    });
    return { ...current, confirmed_by_id: input.user.id, confirmed_by_name: input.user.displayName, confirmed_at: inserted.created_at };
  });
  const approval = presentApproval(row);
  ctx.log.info({ documentId, clauseId, participantId, approvalId: approval.id }, 'approval confirmed for the capital');
  ctx.events.emit('approval.recorded', { documentId, approval });
  return approval;
}
