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
import { approvalStatus, changedLanguages, concordanceState, documentTextState } from '../../../shared/src/approval-status';
import { wordDiff } from '../../../shared/src/word-diff';
import { missingClauses, type PlainStatuses } from '../../../shared/src/package-holds';
import { documentPackageIndex } from '../packages/package-store';
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

  const heldOn = await packageHolds(ctx, document, latest);
  const cells: ClauseParticipantApproval[] = [];
  for (const participant of participants) {
    const row = latest.find((r) => r.participant_id === participant.id);
    if (!isInForce(row)) {
      cells.push({ participantId: participant.id, status: 'not_approved', approval: null, changedSince: null });
      continue;
    }
    const approval = presentApproval(row);
    const status = approvalStatus(clause.fingerprint, approval);
    const missing = status === 'approved' && row.package_id !== null ? heldOn(row.package_id, participant.id) : null;
    cells.push({
      participantId: participant.id,
      status: missing ? 'held' : status,
      ...(missing ? { missingClauses: missing } : {}),
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

/**
 * [A5] For this clause's conditional approvals: (package, Participant) → the clauses missing, or null
 * when the package is settled for that Participant. Reads the document's other approvals only when needed.
 */
async function packageHolds(
  ctx: AppContext,
  document: { id: string; languages: string[] },
  latest: readonly { package_id: string | null; kind: string }[],
): Promise<(packageId: string, participantId: string) => string[] | null> {
  if (!latest.some((row) => row.kind === 'approval' && row.package_id !== null)) return () => null;
  const documentId = document.id;
  const { value: texts } = await ctx.documents.read(documentId, (doc) => documentTextState(doc, document.languages));
  const packages = await documentPackageIndex(ctx.pool, documentId);
  const fingerprints = new Map(texts.map((t) => [t.clauseId, t.fingerprint]));
  const plain: PlainStatuses = new Map(texts.map((t) => [t.clauseId, {}]));
  for (const row of await latestApprovalRows(ctx.pool, documentId)) {
    const statuses = plain.get(row.clause_id) as Record<string, ReturnType<typeof approvalStatus>> | undefined;
    if (statuses && isInForce(row)) statuses[row.participant_id] = approvalStatus(fingerprints.get(row.clause_id) ?? null, row);
  }
  return (packageId, participantId) => {
    const clauseIds = packages[packageId];
    if (!clauseIds) return [];
    const missing = missingClauses(clauseIds, participantId, plain);
    return missing.length > 0 ? missing : null;
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
