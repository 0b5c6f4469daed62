/**
 * The status of approvals and concordance, derived — never stored — from two things: what was recorded
 * (an approval's fingerprint, a confirmation's language hashes) and the text as it is now.
 *
 * Rules (tests cite them):
 *  [A1] A clause's current state is its kind and the language hash of its text in every language of the
 *       document; its fingerprint is `clauseFingerprintFromHashes` of them (docs/document-model.md §7).
 *  [A2] Approval status of (clause, Participant): `approved` while the current fingerprint equals the
 *       fingerprint of the Participant's latest approval that was not revoked; `outdated` when it differs;
 *       `not_approved` without such an approval. A clause whose text cannot be hashed is never approved.
 *  [A3] Concordance of a clause: `concordant` while every language hash equals the latest confirmation's;
 *       `stale` when any language changed since (each changed language is named: there is no source
 *       language); `unconfirmed` without a confirmation.
 *  [A4] A document is ready when it has at least one clause and every visible clause is approved by every
 *       Participant.
 *  [A5] An approval conditional on a package counts as `approved` only while its Participant has approved
 *       [A2] every clause of the package as it stands; otherwise it is `held`, naming the clauses missing
 *       (package-holds.ts). Holds are derived from [A2] statuses alone, so packages never hold each other.
 * The client runs the same functions on its own Y.Doc, so a status turns `outdated` the moment either
 * language changes, without asking the server.
 */
import type * as Y from 'yjs';
import { clauseFingerprintFromHashes, languageHash } from './canonical';
import { clauseOrder, readClauseJSON, storedClauseKind, UNKNOWN_KIND_READS_AS, type ClauseKind } from './yjs-layout';
import type { LanguageCode } from './languages';

export const APPROVAL_STATUSES = ['approved', 'outdated', 'not_approved', 'held'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const CONCORDANCE_STATUSES = ['concordant', 'stale', 'unconfirmed'] as const;
export type ConcordanceStatus = (typeof CONCORDANCE_STATUSES)[number];

/** A clause's text as approvals see it [A1]; `fingerprint` is null when a text is not valid in the schema. */
export interface ClauseTextState {
  clauseId: string;
  kind: ClauseKind;
  languageHashes: Record<LanguageCode, string>;
  fingerprint: string | null;
}

/**
 * The current state of one clause in a Y.Doc [A1]. Throws a RangeError when the clause does not exist.
 * Whatever else is stored is read defensively: a kind outside the list, a missing fragment, a text
 * outside the schema or nested too deep all give a text that cannot be hashed (`fingerprint: null`).
 */
export function clauseTextState(ydoc: Y.Doc, clauseId: string, languages: readonly LanguageCode[]): ClauseTextState {
  const stored = storedClauseKind(ydoc, clauseId);
  const kind = stored ?? UNKNOWN_KIND_READS_AS;
  if (stored === null) return { clauseId, kind, languageHashes: {}, fingerprint: null };
  const languageHashes: Record<LanguageCode, string> = {};
  try {
    for (const lang of languages) languageHashes[lang] = languageHash(readClauseJSON(ydoc, clauseId, lang));
  } catch {
    return { clauseId, kind, languageHashes: {}, fingerprint: null };
  }
  return { clauseId, kind, languageHashes, fingerprint: clauseFingerprintFromHashes({ kind, hashes: languageHashes }) };
}

/** The current state of every visible clause, in document order. */
export function documentTextState(ydoc: Y.Doc, languages: readonly LanguageCode[]): ClauseTextState[] {
  return clauseOrder(ydoc).map((id) => clauseTextState(ydoc, id, languages));
}

/** [A2] */
export function approvalStatus(currentFingerprint: string | null, approval: { fingerprint: string } | null): ApprovalStatus {
  if (!approval) return 'not_approved';
  return currentFingerprint !== null && currentFingerprint === approval.fingerprint ? 'approved' : 'outdated';
}

export interface ConcordanceState {
  status: ConcordanceStatus;
  /** The languages whose text changed since the confirmation, in code order (empty unless stale). */
  changedLanguages: LanguageCode[];
}

/** [A3] */
export function concordanceState(
  currentHashes: Record<LanguageCode, string>,
  confirmation: { languageHashes: Record<LanguageCode, string> } | null,
): ConcordanceState {
  if (!confirmation) return { status: 'unconfirmed', changedLanguages: [] };
  const languages = [...new Set([...Object.keys(currentHashes), ...Object.keys(confirmation.languageHashes)])].sort();
  const changedLanguages = languages.filter((lang) => currentHashes[lang] === undefined || currentHashes[lang] !== confirmation.languageHashes[lang]);
  return { status: changedLanguages.length === 0 ? 'concordant' : 'stale', changedLanguages };
}

/** The languages whose hash differs between two records of one clause (e.g. an approval and now). */
export function changedLanguages(before: Record<LanguageCode, string>, after: Record<LanguageCode, string>): LanguageCode[] {
  return concordanceState(after, { languageHashes: before }).changedLanguages;
}

export interface ParticipantProgress {
  approved: number;
  outdated: number;
  notApproved: number;
  /** [A5] Approved conditionally on a package that is not settled: not counted as approved. */
  held: number;
  total: number;
}

export interface Readiness {
  ready: boolean;
  /** Cells (clause × Participant) approved, out of `total`. */
  approved: number;
  total: number;
}

/** Counts per Participant over rows of statuses keyed by Participant id. */
export function participantProgress(
  rows: readonly { statuses: Record<string, ApprovalStatus> }[],
  participantIds: readonly string[],
): Record<string, ParticipantProgress> {
  const progress: Record<string, ParticipantProgress> = {};
  for (const id of participantIds) {
    const counts: ParticipantProgress = { approved: 0, outdated: 0, notApproved: 0, held: 0, total: rows.length };
    for (const row of rows) {
      const status = row.statuses[id] ?? 'not_approved';
      if (status === 'approved') counts.approved += 1;
      else if (status === 'outdated') counts.outdated += 1;
      else if (status === 'held') counts.held += 1;
      else counts.notApproved += 1;
    }
    progress[id] = counts;
  }
  return progress;
}

/** [A4] */
export function documentReadiness(rows: readonly { statuses: Record<string, ApprovalStatus> }[], participantIds: readonly string[]): Readiness {
  const total = rows.length * participantIds.length;
  let approved = 0;
  for (const row of rows) for (const id of participantIds) if (row.statuses[id] === 'approved') approved += 1;
  return { ready: total > 0 && approved === total, approved, total };
}
