import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { clauseSnapshot } from '../approvals/clause-snapshot';
import { insertApproval, latestConfirmationRows, lockApprovalCell, lockDocumentStatus } from '../approvals/approval-store';
import { presentApproval } from '../presenters/approval';
import { findPackage } from '../packages/package-store';
import { concordanceState } from '../../../shared/src/approval-status';
import type { ApprovalRecord } from '../../../shared/src/api/approvals';

export interface ApproveClauseInput {
  documentId: string;
  languages: readonly string[];
  clauseId: string;
  participantId: string;
  user: { id: string; displayName: string };
  /** The fingerprint of the text the approver was looking at. */
  fingerprint: string;
  acknowledgeConcordance: boolean;
  /** Subject to confirmation by the Participant's capital (confirm-for-capital.ts makes it final). */
  adReferendum: boolean;
  /** Conditional on this package of the document [A5] (null: unconditional); another document's is package_not_found. */
  packageId?: string | null;
}

/**
 * Records that a Participant approves a clause as it stands — both languages at once. The caller has
 * authorized 'clause.approve' for this Participant.
 *
 * The server's own text decides: its fingerprint is computed from the live document once everything
 * in it is committed, and a fingerprint that differs from the approver's is refused (text_changed,
 * 409) — they were reading another text. A clause whose concordance is stale or unconfirmed needs
 * `acknowledgeConcordance`. The row keeps the fingerprint, the language hashes and the canonical
 * texts, so the approved text can be shown and compared for as long as the document exists.
 */
export async function approveClause(ctx: AppContext, input: ApproveClauseInput): Promise<ApprovalRecord> {
  const { documentId, clauseId, participantId } = input;
  const { value: clause, throughUpdateId } = await ctx.documents.read(documentId, (doc) => clauseSnapshot(doc, clauseId, input.languages));
  if (!clause) throw new AppError('not_found');
  if (clause.fingerprint === null) {
    ctx.log.warn({ documentId, clauseId }, 'approval refused: the clause text is not valid in the schema');
    throw new AppError('conflict');
  }
  if (clause.fingerprint !== input.fingerprint) {
    ctx.log.info({ documentId, clauseId, participantId, sent: input.fingerprint, current: clause.fingerprint }, 'approval refused: the text changed');
    throw new AppError('text_changed');
  }
  const fingerprint = clause.fingerprint;

  const row = await withTransaction(ctx.pool, async (client) => {
    const status = await lockDocumentStatus(client, documentId);
    if (status === null) throw new AppError('not_found');
    if (status !== 'draft') throw new AppError('document_frozen');
    await lockApprovalCell(client, documentId, clauseId, participantId);
    // Share-locked: a package cannot be deleted while an approval conditional on it commits (commands/packages.ts).
    const packageId = input.packageId ?? null;
    if (packageId !== null && !(await findPackage(client, documentId, packageId, 'share'))) throw new AppError('package_not_found');
    const [confirmation] = await latestConfirmationRows(client, documentId, clauseId);
    const concordance = concordanceState(clause.languageHashes, confirmation ? { languageHashes: confirmation.language_hashes } : null);
    if (concordance.status !== 'concordant' && !input.acknowledgeConcordance) throw new AppError('concordance_unacknowledged');
    const inserted = await insertApproval(client, {
      documentId,
      clauseId,
      participantId,
      userId: input.user.id,
      fingerprint,
      clauseKind: clause.kind,
      languageHashes: clause.languageHashes,
      canonicalTexts: clause.canonicalTexts,
      concordanceStatus: concordance.status,
      throughUpdateId,
      adReferendum: input.adReferendum,
      packageId,
    });
    await recordAuditEvent(client, {
      documentId,
      actorUserId: input.user.id,
      action: 'clause.approved',
      subject: {
        approvalId: inserted.id,
        clauseId,
        participantId,
        fingerprint,
        languageHashes: clause.languageHashes,
        concordance: concordance.status,
        ...(input.adReferendum ? { adReferendum: true } : {}),
        ...(packageId !== null ? { packageId } : {}),
      },
    });
    return {
      ...inserted,
      document_id: documentId,
      clause_id: clauseId,
      participant_id: participantId,
      user_id: input.user.id,
      user_display_name: input.user.displayName,
      kind: 'approval' as const,
      fingerprint,
      clause_kind: clause.kind,
      language_hashes: clause.languageHashes,
      canonical_texts: clause.canonicalTexts,
      concordance_status: concordance.status,
      through_update_id: String(throughUpdateId),
      revokes_id: null,
      ad_referendum: input.adReferendum,
      confirmed_by_id: null,
      confirmed_by_name: null,
      confirmed_at: null,
      package_id: packageId,
    };
  });
  const approval = presentApproval(row);
  ctx.log.info({ documentId, clauseId, participantId, approvalId: approval.id }, 'clause approved');
  ctx.events.emit('approval.recorded', { documentId, approval });
  return approval;
}
