/**
 * What stands between a text and its freeze, derived — never stored — from the text as it stands and
 * the approvals and confirmations in force.
 *
 * Rules (tests cite them):
 *  [F1] A document with no visible clause, or no Participant, cannot be frozen.
 *  [F2] Every visible clause must have a valid text in every language, and no bracketed text: neither
 *       the `bracket` mark nor a literal "[" or "]" (language not yet agreed stands in square brackets).
 *       Where the caller knows the brackets of the text (`BlockerClause.brackets`), each open bracket is
 *       one blocker naming it (`bracketId`, its languages); literal square brackets and unregistered
 *       (attribute-less) bracket marks make one further blocker per clause with their languages.
 *  [F3] Every visible clause needs confirmed concordance that still holds (`concordant`).
 *  [F4] Every visible clause needs a current approval (`approved`) of every Participant.
 *  [F5] No visible clause may hold an open proposal: an `insertion` or `deletion` mark in any language
 *       (issue 14). One blocker per clause names the sponsors (Participant ids, in Participant order)
 *       and the proposals; the secretariat accepts or rejects them, or their sponsors withdraw them.
 *  [F6] Every approval must be final: one given ad referendum and not yet confirmed for the capital
 *       blocks the freeze, named by clause and Participant (issue 16).
 *  [F7] Every package must be settled [A6]: each clause of it approved [A2] by every Participant. One
 *       blocker per missing Participant × clause names the package (`package_unsettled`); a clause of
 *       a package no longer in the document blocks once (`package_clause_removed`). After the clauses.
 * Blockers are listed in document order, then by Participant order; the UI shows them before the
 * freeze button is pressed, and the server refuses a freeze with exactly this list.
 */
import type { CanonicalNode } from '../canonical';
import type { ApprovalStatus, ConcordanceStatus } from '../approval-status';
import type { LanguageCode } from '../languages';

export const BLOCKER_REASONS = [
  'no_clauses',
  'no_participants',
  'invalid_text',
  'brackets',
  'concordance_unconfirmed',
  'concordance_stale',
  'not_approved',
  'approval_outdated',
  'open_proposals',
  'approval_ad_referendum',
  'package_unsettled',
  'package_clause_removed',
] as const;
export type BlockerReason = (typeof BLOCKER_REASONS)[number];

export interface FreezeBlocker {
  reason: BlockerReason;
  /** Null for what concerns the whole document. */
  clauseId: string | null;
  /** The Participant whose approval is missing or outdated; null otherwise. */
  participantId: string | null;
  /** The languages concerned (brackets, a stale concordance); empty otherwise. */
  languages: LanguageCode[];
  /** `open_proposals` only: the sponsors of the clause's proposals (Participant ids; unattributed ones left out). */
  sponsorIds?: string[];
  /** `open_proposals` only: the ids of the proposals in the clause's text. */
  proposalIds?: string[];
  /** [F2] only: the open bracket this blocker names (absent: literal or unregistered brackets). */
  bracketId?: string;
  /** [F7] only: the package that is not settled, and its name. */
  packageId?: string;
  packageName?: string;
}

/** [F7] A package of the document: its clauses, in order. */
export interface BlockerPackage {
  id: string;
  name: string;
  clauseIds: readonly string[];
}

/** The proposals a clause's text holds [F5]: their ids, their sponsors and the languages they are in. */
export interface BlockerProposals {
  proposalIds: string[];
  sponsorIds: string[];
  languages: LanguageCode[];
}

/** [F2] The brackets a clause's text holds, read from the text with their ids (canonical texts leave ids out). */
export interface BlockerBrackets {
  /** Each registered bracket, in document order, with the languages it is in. */
  registered: { bracketId: string; languages: LanguageCode[] }[];
  /** The languages holding a bracket mark without an id. */
  unregisteredLanguages: LanguageCode[];
}

export interface BlockerClause {
  clauseId: string;
  fingerprint: string | null;
  statuses: Record<string, ApprovalStatus>;
  concordance: { status: ConcordanceStatus; changedLanguages: LanguageCode[] };
  /** Canonical texts by language (null: not valid in the schema). */
  texts: Record<LanguageCode, CanonicalNode | null>;
  /** [F5] The proposals in the clause's text (canonical texts leave them out); absent or null: none. */
  proposals?: BlockerProposals | null;
  /** [F2] The clause's brackets by id; absent: only `hasBrackets` on the canonical texts (one blocker). */
  brackets?: BlockerBrackets | null;
  /** [F6] The Participants whose approval in force was given ad referendum and is not yet confirmed. */
  adReferendum?: readonly string[];
}

export function freezeBlockers(
  participantIds: readonly string[],
  clauses: readonly BlockerClause[],
  packages: readonly BlockerPackage[] = [],
): FreezeBlocker[] {
  const blockers: FreezeBlocker[] = [];
  const block = (reason: BlockerReason, clauseId: string | null = null, participantId: string | null = null, languages: LanguageCode[] = []) =>
    blockers.push({ reason, clauseId, participantId, languages });
  if (clauses.length === 0) block('no_clauses'); // [F1]
  if (participantIds.length === 0) block('no_participants');
  for (const clause of clauses) {
    const languages = Object.keys(clause.texts).sort();
    const invalid = languages.filter((lang) => clause.texts[lang] === null);
    if (clause.fingerprint === null || invalid.length > 0) block('invalid_text', clause.clauseId, null, invalid); // [F2]
    const known = clause.brackets;
    const bracketed = known
      ? languages.filter((lang) => hasLiteralBrackets(clause.texts[lang]) || known.unregisteredLanguages.includes(lang))
      : languages.filter((lang) => hasBrackets(clause.texts[lang]));
    if (bracketed.length > 0) block('brackets', clause.clauseId, null, bracketed);
    for (const { bracketId, languages: in_ } of known?.registered ?? [])
      blockers.push({ reason: 'brackets', clauseId: clause.clauseId, participantId: null, languages: [...in_].sort(), bracketId });
    if (clause.concordance.status === 'unconfirmed')
      block('concordance_unconfirmed', clause.clauseId); // [F3]
    else if (clause.concordance.status === 'stale') block('concordance_stale', clause.clauseId, null, [...clause.concordance.changedLanguages]);
    for (const participantId of participantIds) {
      // [F4]
      const status = clause.statuses[participantId] ?? 'not_approved';
      if (status === 'outdated') block('approval_outdated', clause.clauseId, participantId);
      else if (status !== 'approved') block('not_approved', clause.clauseId, participantId);
      else if (clause.adReferendum?.includes(participantId)) block('approval_ad_referendum', clause.clauseId, participantId); // [F6]
    }
    const proposals = clause.proposals;
    if (proposals && proposals.proposalIds.length > 0) {
      // [F5]
      const order = new Map(participantIds.map((id, i) => [id, i]));
      const sponsorIds = [...new Set(proposals.sponsorIds)].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : 1));
      blockers.push({
        reason: 'open_proposals',
        clauseId: clause.clauseId,
        participantId: null,
        languages: [...proposals.languages].sort(),
        sponsorIds,
        proposalIds: [...proposals.proposalIds],
      });
    }
  }
  const byId = new Map(clauses.map((clause) => [clause.clauseId, clause]));
  for (const pkg of packages) {
    // [F7]
    const about = { packageId: pkg.id, packageName: pkg.name, languages: [] };
    for (const clauseId of pkg.clauseIds) {
      const clause = byId.get(clauseId);
      if (!clause) {
        blockers.push({ reason: 'package_clause_removed', clauseId, participantId: null, ...about });
        continue;
      }
      for (const participantId of participantIds) {
        if ((clause.statuses[participantId] ?? 'not_approved') !== 'approved')
          blockers.push({ reason: 'package_unsettled', clauseId, participantId, ...about });
      }
    }
  }
  return blockers;
}

/** [F2] Whether a canonical text holds a literal square bracket. */
export function hasLiteralBrackets(node: CanonicalNode | null | undefined): boolean {
  if (!node) return false;
  if (node.text !== undefined && /[[\]]/.test(node.text)) return true;
  return (node.content ?? []).some(hasLiteralBrackets);
}

/** [F2] Whether a canonical text holds bracketed language: the `bracket` mark, or a literal square bracket. */
export function hasBrackets(node: CanonicalNode | null | undefined): boolean {
  if (!node) return false;
  if (node.marks?.some((mark) => mark.type === 'bracket')) return true;
  if (node.text !== undefined && /[[\]]/.test(node.text)) return true;
  return (node.content ?? []).some(hasBrackets);
}
