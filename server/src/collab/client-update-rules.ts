/**
 * The rules every client update is tried against on the probe (collab/update-inspection.ts) before it
 * is applied: the layout contract (collab/layout-check.ts), what a writer may do to proposals and, in the negotiation phase, that a delegation only
 * proposes (server/src/proposals/proposal-integrity.ts), and what a writer may do to brackets
 * (server/src/brackets/bracket-integrity.ts).
 */
import type * as Y from 'yjs';
import { can, type DocumentPhase } from '../../../shared/src/policy';
import { checkProposalIntegrity, type RecordedProposal, type TouchedClauses } from '../proposals/proposal-integrity';
import { checkBracketIntegrity } from '../brackets/bracket-integrity';
import type { CollabPrincipal } from './principal';
import type { InspectionVerdict } from './update-inspection';
import { layoutViolations } from './layout-check';
import { clauseOrder, getClause } from '../../../shared/src/yjs-layout';

export interface NewProposal {
  id: string;
  clauseId: string;
}

/** What an accepted update did, for the activity feed: the clauses whose text it changed, the clauses it deleted. */
export interface ClientEdit {
  newProposals: NewProposal[];
  editedClauses: string[];
  /** Each deleted clause with the clause before it (where a restore puts it back), null when it was first. */
  deletedClauses: { clauseId: string; afterId: string | null }[];
}

/** Whether this person may only propose in this phase (the policy's [P7] for `document.edit_text`). */
export function proposesOnly(principal: Pick<CollabPrincipal, 'role' | 'userId' | 'participantId'>, phase: DocumentPhase): boolean {
  if (principal.role === 'developer') return false;
  const subject = { userId: principal.userId ?? '', isAdmin: false, membership: { role: principal.role, participantId: principal.participantId } };
  return !can(subject, 'document.edit_text', { documentStatus: 'draft', documentPhase: phase }).allowed;
}

export function clientUpdateRules(
  principal: CollabPrincipal,
  document: {
    phase: DocumentPhase;
    languages: readonly string[];
    proposalSponsors: ReadonlyMap<string, RecordedProposal>;
    closedProposals: ReadonlySet<string>;
  },
): (before: Y.Doc, after: Y.Doc, touched: TouchedClauses) => InspectionVerdict<ClientEdit> {
  const writer = { participantId: principal.participantId, proposeOnly: proposesOnly(principal, document.phase) };
  return (before, after, touched) => {
    // The layout contract first (docs/document-model.md): a broken entry never reaches anyone. Roots and
    // `order` are checked only when the update touched them, so junk stored before this check refuses nobody's edits.
    if (document.languages.length > 0) {
      const violations = layoutViolations(after, document.languages, touched.clauseIds, { structure: touched.structure });
      if (violations.length > 0) return { ok: false, reason: `the layout of the document: ${violations[0]}` };
    }
    const result = checkProposalIntegrity(before, after, touched, writer, document.proposalSponsors, document.closedProposals);
    if (!result.ok) return { ok: false, reason: result.reason };
    const brackets = checkBracketIntegrity(before, after, touched, writer); // [B1]–[B5]
    if (!brackets.ok) return { ok: false, reason: brackets.reason };
    const deletedClauses = touched.structure ? deletedBetween(clauseOrder(before), clauseOrder(after)) : [];
    const gone = new Set(deletedClauses.map((d) => d.clauseId));
    const editedClauses = [...touched.clauseIds].filter((id) => !gone.has(id) && getClause(after, id) !== undefined);
    return { ok: true, value: { newProposals: result.newProposals, editedClauses, deletedClauses } };
  };
}

function deletedBetween(before: readonly string[], after: readonly string[]): { clauseId: string; afterId: string | null }[] {
  const still = new Set(after);
  return before.flatMap((clauseId, i) => (still.has(clauseId) ? [] : [{ clauseId, afterId: i > 0 ? before[i - 1] : null }]));
}
