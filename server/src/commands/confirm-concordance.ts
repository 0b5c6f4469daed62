import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { clauseSnapshot } from '../approvals/clause-snapshot';
import { insertConfirmation, lockDocumentStatus } from '../approvals/approval-store';
import { presentConfirmation } from '../presenters/approval';
import { changedLanguages } from '../../../shared/src/approval-status';
import type { ConcordanceRecord } from '../../../shared/src/api/approvals';

export interface ConfirmConcordanceInput {
  documentId: string;
  languages: readonly string[];
  clauseId: string;
  user: { id: string; displayName: string };
  /** The language hashes of the texts the person compared. */
  languageHashes: Record<string, string>;
}

/**
 * Records that the language versions of a clause say the same thing, as they stand. Every language of
 * the document is covered; hashes that differ from the committed text now are refused (text_changed):
 * the person compared other texts. The caller has authorized 'concordance.confirm'.
 */
export async function confirmConcordance(ctx: AppContext, input: ConfirmConcordanceInput): Promise<ConcordanceRecord> {
  const { documentId, clauseId } = input;
  const sent = Object.keys(input.languageHashes).sort();
  const expected = [...input.languages].sort();
  if (sent.join(',') !== expected.join(',')) {
    throw new AppError('validation_failed', { field: 'languageHashes', reason: `one hash for each language of the document (${expected.join(', ')})` });
  }
  const { value: clause, throughUpdateId } = await ctx.documents.read(documentId, (doc) => clauseSnapshot(doc, clauseId, input.languages));
  if (!clause) throw new AppError('not_found');
  if (clause.fingerprint === null) throw new AppError('conflict');
  const differing = changedLanguages(input.languageHashes, clause.languageHashes);
  if (differing.length > 0) {
    ctx.log.info({ documentId, clauseId, languages: differing }, 'concordance refused: the text changed');
    throw new AppError('text_changed');
  }

  const row = await withTransaction(ctx.pool, async (client) => {
    const status = await lockDocumentStatus(client, documentId);
    if (status === null) throw new AppError('not_found');
    if (status !== 'draft') throw new AppError('document_frozen');
    const inserted = await insertConfirmation(client, {
      documentId,
      clauseId,
      userId: input.user.id,
      languageHashes: clause.languageHashes,
      canonicalTexts: clause.canonicalTexts,
      throughUpdateId,
    });
    await recordAuditEvent(client, {
      documentId,
      actorUserId: input.user.id,
      action: 'clause.concordance_confirmed',
      subject: { confirmationId: inserted.id, clauseId, languageHashes: clause.languageHashes },
    });
    return {
      ...inserted,
      document_id: documentId,
      clause_id: clauseId,
      user_id: input.user.id,
      user_display_name: input.user.displayName,
      language_hashes: clause.languageHashes,
      canonical_texts: clause.canonicalTexts,
      through_update_id: String(throughUpdateId),
    };
  });
  const confirmation = presentConfirmation(row);
  ctx.log.info({ documentId, clauseId, confirmationId: confirmation.id }, 'concordance confirmed');
  ctx.events.emit('concordance.confirmed', { documentId, confirmation });
  return confirmation;
}
