/**
 * The document's review features as the workspace shares them with every clause row: the approvals and
 * comments stores, and which clause the side panel is about. Kept apart from WorkspaceContext (the
 * editing machinery). The stores keep their identity while they change, so an approval, a comment or
 * a change of focus arriving changes no context: each clause's gutter selects its own part and only
 * the gutters it concerns re-render.
 */
import { createContext, useContext } from 'react';
import type { ApprovalsStore, ApprovalPermissions } from '../approvals';
import type { CommentsStore } from '../comments';
import type { ProposalsStore } from '../proposals/proposals-store';
import type { PackagesStore } from '../packages/packages-store';
import type { NumberingStore } from '../numbering/numbering-store';
import type { Participant } from '../../../shared/src/api/participants';
import type { SelectedClause } from './selected-clause';

export type PanelTab = 'comments' | 'proposals' | 'approvals' | 'packages' | 'versions' | 'activity' | 'outline';

export interface WorkspaceFeatures {
  approvals: ApprovalsStore;
  approvalMe: ApprovalPermissions;
  comments: CommentsStore;
  proposals: ProposalsStore;
  /** The document's packages of clauses (issue 16); absent where no workspace keeps them. */
  packages?: PackagesStore;
  /** The document's stable numbering (issue 15); absent where no workspace keeps it: numbers follow the order. */
  numbering?: NumberingStore;
  participants: readonly Participant[];
  /** The clause the comments panel is about (the last one focused). */
  selection: SelectedClause;
  /** Opens the comments of a clause in the side panel. */
  showComments(clauseId: string): void;
  /** Opens the proposals of a clause in the side panel (one of them brought into view). */
  showProposals(clauseId: string, proposalId: string | null): void;
  announce(message: string): void;
}

export const FeaturesContext = createContext<WorkspaceFeatures | null>(null);

export function useFeatures(): WorkspaceFeatures {
  const value = useContext(FeaturesContext);
  if (!value) throw new Error('useFeatures() is used outside an open document');
  return value;
}
