import type { AppContext } from '../context';
import type { Queryable } from '../db/queryable';
import { AppError } from '../http/errors';
import { clauseSnapshot, plainTextOfCanonical } from './clause-snapshot';
import {
  authorsSince,
  clauseApprovalHistory,
  clauseCapitalConfirmations,
  clauseConfirmationHistory,
  documentParticipants,
  isInForce,
  latestApprovalRows,
  latestConfirmationRows,
} from './approval-store';
import { presentApproval, presentConfirmation, presentHistory, presentUserRef } from '../presenters/approval';
import { approvalStatus, changedLanguages, concordanceState } from '../../../shared/src/approval-status';
import { wordDiff } from '../../../shared/src/word-diff';
import type { ChangedSince, ClauseApprovals, ClauseParticipantApproval } from '../../../shared/src/api/approvals';

/**
 * One clause's approvals in full: each Participant's status and, when outdated, what changed in each
 * language since its approval (a word diff of the plain texts) and who changed the document since;
 * the same for concordance; and the clause's whole history.
 */
export async function loadClauseApprovals(ctx: AppContext, document: { id: string; languages: string[] }, clauseId: string): Promise<ClauseApprovals> {
  const { value: clause } = await ctx.documents.read(document.id, (doc) => clauseSnapshot(doc, clauseId, document.languages));
  if (!clause) throw new AppError('not_found');
  const participants = await documentParticipants(ctx.pool, document.id);
  const latest = await latestApprovalRows(ctx.pool, document.id, clauseId);
  const [confirmationRow] = await latestConfirmationRows(ctx.pool, document.id, clauseId);

  const changedSince = async (recorded: { hashes: Record<string, string>; texts: Record<string, string>; through: number }): Promise<ChangedSince> => {
    const changes: ChangedSince['changes'] = {};
    for (const lang of document.languages) {
      const before = recorded.texts[lang] === undefined ? '' : plainTextOfCanonical(recorded.texts[lang]);
      changes[lang] = wordDiff(before, clause.plainTexts[lang] ?? '');
    }
    const authors = await authorsSince(ctx.pool, document.id, recorded.through);
    return {
      changedLanguages: changedLanguages(recorded.hashes, clause.languageHashes),
      changes,
      changedBy: authors.map((a) => presentUserRef(a.id, a.display_name)),
    };
  };

  const cells: ClauseParticipantApproval[] = [];
  for (const participant of participants) {
    const row = latest.find((r) => r.participant_id === participant.id);
    if (!isInForce(row)) {
      cells.push({ participantId: participant.id, status: 'not_approved', approval: null, changedSince: null });
      continue;
    }
    const approval = presentApproval(row);
    const status = approvalStatus(clause.fingerprint, approval);
    cells.push({
      participantId: participant.id,
      status,
      approval: { ...approval, plainTexts: plainTexts(row.canonical_texts) },
      changedSince:
        status === 'outdated' ? await changedSince({ hashes: row.language_hashes, texts: row.canonical_texts, through: Number(row.through_update_id) }) : null,
    });
  }

  const concordance = concordanceState(clause.languageHashes, confirmationRow ? { languageHashes: confirmationRow.language_hashes } : null);
  return {
    documentId: document.id,
    clauseId,
    kind: clause.kind,
    fingerprint: clause.fingerprint,
    languageHashes: clause.languageHashes,
    plainTexts: clause.plainTexts,
    participants: cells,
    concordance: {
      status: concordance.status,
      confirmation: confirmationRow ? { ...presentConfirmation(confirmationRow), plainTexts: plainTexts(confirmationRow.canonical_texts) } : null,
      changedSince:
        confirmationRow && concordance.status === 'stale'
          ? await changedSince({
              hashes: confirmationRow.language_hashes,
              texts: confirmationRow.canonical_texts,
              through: Number(confirmationRow.through_update_id),
            })
          : null,
    },
    history: await history(ctx.pool, document.id, clauseId),
  };
}

function plainTexts(canonical: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(canonical).map(([lang, text]) => [lang, plainTextOfCanonical(text)]));
}

async function history(db: Queryable, documentId: string, clauseId: string) {
  return presentHistory(
    await clauseApprovalHistory(db, documentId, clauseId),
    await clauseConfirmationHistory(db, documentId, clauseId),
    await clauseCapitalConfirmations(db, documentId, clauseId),
  );
}
