/**
 * Builds a version's canonical record [V1] from the text as it is in a Y.Doc and what is recorded in the
 * database (Participants, approvals and confirmations in force, the signature record), and derives the
 * freeze blockers [F1–F5] from the same inputs, so a freeze checks exactly what it stores.
 *
 * The record holds the agreed text only (canonical texts leave open proposals out), so the proposals
 * a text holds [F5] are read from the same Y.Doc at the same instant (`textProposals`) and their
 * sponsors from the `proposals` table.
 */
import type * as Y from 'yjs';
import type { Queryable } from '../db/queryable';
import {
  documentParticipants,
  isInForce,
  latestApprovalRows,
  latestConfirmationRows,
  type InForceApprovalRow,
  type ConfirmationRow,
} from '../approvals/approval-store';
import { readSignatureRecord, signatureRecord } from './version-store';
import { clauseProposals } from '../proposals/proposal-text';
import { textBrackets } from '../brackets/bracket-text';
import { canonicalJSON, type CanonicalNode } from '../../../shared/src/canonical';
import { clauseItems, readClauseJSON, storedClauseKind } from '../../../shared/src/yjs-layout';
import { deriveNumbering, type FixedNumbers } from '../../../shared/src/stable-numbering';
import { fixedNumbersOfDocument } from '../numbering/numbering-store';
import { approvalStatus, concordanceState } from '../../../shared/src/approval-status';
import {
  freezeBlockers,
  type BlockerBrackets,
  type BlockerPackage,
  type BlockerProposals,
  type FreezeBlocker,
} from '../../../shared/src/versions/freeze-blockers';
import { documentPackages } from '../packages/package-store';
import {
  VERSION_RECORD_FORMAT,
  recordClause,
  type RecordClause,
  type SignatureRecord,
  type VersionKind,
  type VersionRecord,
} from '../../../shared/src/versions/version-record';

export interface RecordDocument {
  id: string;
  title: Record<string, string>;
  languages: string[];
}

/** What the database says about a document, read in the caller's transaction. */
export interface RecordInputs {
  participants: Array<{ id: string; code: string; name: Record<string, string> }>;
  approvals: InForceApprovalRow[];
  confirmations: ConfirmationRow[];
  signature: SignatureRecord | null;
  /** Proposal id → its sponsor Participant (null: unattributed), every status: for [F5]. Absent: none known. */
  proposalSponsors?: Map<string, string | null>;
  /** The document's packages, each to be settled before the freeze [F7]. Absent: none. */
  packages?: BlockerPackage[];
  /** Stable numbering (issue 15): the fixed numbers the record's clauses are numbered from. Absent or null: by their order. */
  fixedNumbers?: FixedNumbers | null;
}

export async function loadRecordInputs(db: Queryable, documentId: string): Promise<RecordInputs> {
  const participants = (await documentParticipants(db, documentId)).map(({ id, code, name }) => ({ id, code, name }));
  const approvals = (await latestApprovalRows(db, documentId)).filter(isInForce);
  const confirmations = await latestConfirmationRows(db, documentId);
  const stored = await readSignatureRecord(db, documentId);
  const signature = stored ? signatureRecord(stored.place, stored.date, stored.signatories, stored.originals) : null;
  const sponsors = await db.query<{ id: string; sponsor_participant_id: string | null }>(
    'SELECT id, sponsor_participant_id FROM proposals WHERE document_id = $1',
    [documentId],
  );
  const proposalSponsors = new Map(sponsors.rows.map((row) => [row.id, row.sponsor_participant_id]));
  const packages = (await documentPackages(db, documentId)).map((row) => ({ id: row.id, name: row.name, clauseIds: row.clause_ids }));
  const fixedNumbers = await fixedNumbersOfDocument(db, documentId);
  return { participants, approvals, confirmations, signature, proposalSponsors, packages, fixedNumbers };
}

/** Clause id → the ids of the proposals its text holds and the languages they are in [F5]; clauses without any are absent. */
export type TextProposals = Map<string, { proposalIds: string[]; languages: string[]; brackets?: BlockerBrackets }>;

/** [F5] The proposal marks (insertion or deletion, any language) in every visible clause of the Y.Doc. */
export function textProposals(doc: Y.Doc, languages: readonly string[]): TextProposals {
  const result: TextProposals = new Map();
  for (const { id } of clauseItems(doc)) {
    const proposals = clauseProposals(doc, id, languages);
    const brackets = textBrackets(doc, id, languages); // [F2] each open bracket by id
    if (proposals.size === 0 && !brackets) continue;
    const found = new Set<string>();
    for (const byLanguage of proposals.values()) for (const lang of Object.keys(byLanguage)) found.add(lang);
    result.set(id, { proposalIds: [...proposals.keys()], languages: [...found].sort(), ...(brackets ? { brackets } : {}) });
  }
  return result;
}

/** Every visible clause of the Y.Doc in order, numbered, with canonical texts and hashes. */
export function recordClauses(doc: Y.Doc, languages: readonly string[], fixed: FixedNumbers | null = null): RecordClause[] {
  const items = clauseItems(doc);
  const numbers = deriveNumbering(items, fixed).numbers;
  return items.map(({ id, kind }) => {
    const texts: Record<string, CanonicalNode | null> = {};
    for (const lang of languages) {
      try {
        texts[lang] = canonicalJSON(readClauseJSON(doc, id, lang));
      } catch {
        texts[lang] = null;
      }
    }
    const clause = recordClause(id, kind, numbers.get(id) ?? {}, texts);
    // A kind outside the list is read as an article, but such a text is invalid: it has no fingerprint [F2].
    return storedClauseKind(doc, id) === null ? { ...clause, fingerprint: null } : clause;
  });
}

export interface VersionMeta {
  id: string;
  kind: VersionKind;
  name: string | null;
  takenAt: string;
}

/** [V1] The record: only approvals and confirmations that cover the text as it stands are part of it. */
export function buildRecord(document: RecordDocument, meta: VersionMeta, read: RecordClause[], inputs: RecordInputs): VersionRecord {
  // The numbers as the fixed numbering read in the same transaction gives them (a clause's fingerprint leaves its number out).
  const numbering = inputs.fixedNumbers ? deriveNumbering(read, inputs.fixedNumbers) : null;
  const clauses = numbering ? read.map((clause) => ({ ...clause, number: numbering.numbers.get(clause.id) ?? {} })) : read;
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const participantIds = new Set(inputs.participants.map((p) => p.id));
  const approvals = inputs.approvals
    .filter((row) => participantIds.has(row.participant_id) && byId.get(row.clause_id)?.fingerprint === row.fingerprint)
    .map((row) => ({
      id: row.id,
      clauseId: row.clause_id,
      participantId: row.participant_id,
      fingerprint: row.fingerprint,
      approvedBy: row.user_display_name,
      approvedAt: row.created_at.toISOString(),
    }))
    .sort((a, b) => compare(a.clauseId, b.clauseId) || compare(a.participantId, b.participantId));
  const confirmations = inputs.confirmations
    .filter((row) => {
      const clause = byId.get(row.clause_id);
      return (
        clause !== undefined &&
        clause.fingerprint !== null &&
        concordanceState(clause.languageHashes, { languageHashes: row.language_hashes }).status === 'concordant'
      );
    })
    .map((row) => ({
      id: row.id,
      clauseId: row.clause_id,
      languageHashes: row.language_hashes,
      confirmedBy: row.user_display_name,
      confirmedAt: row.created_at.toISOString(),
    }))
    .sort((a, b) => compare(a.clauseId, b.clauseId));
  return {
    format: VERSION_RECORD_FORMAT,
    document: { id: document.id, title: { ...document.title }, languages: [...document.languages] },
    version: { ...meta },
    participants: inputs.participants.map((p) => ({ id: p.id, code: p.code, name: { ...p.name } })),
    clauses,
    approvals,
    confirmations,
    signature: inputs.signature,
    ...(numbering && numbering.deleted.length > 0 ? { deletedNumbers: numbering.deleted } : {}),
  };
}

/** [F1–F6] What stands between these clauses and a freeze; `proposals` from `textProposals` on the same text. */
export function blockersOf(clauses: readonly RecordClause[], inputs: RecordInputs, proposals: TextProposals = new Map()): FreezeBlocker[] {
  const approvalOf = new Map(inputs.approvals.map((row) => [`${row.clause_id}:${row.participant_id}`, row]));
  const confirmationOf = new Map(inputs.confirmations.map((row) => [row.clause_id, row]));
  const participantIds = inputs.participants.map((p) => p.id);
  return freezeBlockers(
    participantIds,
    clauses.map((clause) => {
      const statuses: Record<string, ReturnType<typeof approvalStatus>> = {};
      for (const id of participantIds) statuses[id] = approvalStatus(clause.fingerprint, approvalOf.get(`${clause.id}:${id}`) ?? null);
      const confirmation = confirmationOf.get(clause.id);
      const concordance =
        clause.fingerprint === null
          ? { status: confirmation ? ('stale' as const) : ('unconfirmed' as const), changedLanguages: [] }
          : concordanceState(clause.languageHashes, confirmation ? { languageHashes: confirmation.language_hashes } : null);
      const found = proposals.get(clause.id);
      const open: BlockerProposals | null =
        found && found.proposalIds.length > 0
          ? {
              proposalIds: found.proposalIds,
              sponsorIds: found.proposalIds.map((id) => inputs.proposalSponsors?.get(id) ?? null).filter((id): id is string => id !== null),
              languages: found.languages,
            }
          : null;
      const adReferendum = participantIds.filter((id) => {
        const approval = approvalOf.get(`${clause.id}:${id}`);
        return approval !== undefined && approval.ad_referendum && approval.confirmed_at === null;
      });
      return {
        clauseId: clause.id,
        fingerprint: clause.fingerprint,
        statuses,
        concordance,
        texts: clause.texts,
        proposals: open,
        adReferendum,
        brackets: found?.brackets ?? null,
      };
    }),
    inputs.packages,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
