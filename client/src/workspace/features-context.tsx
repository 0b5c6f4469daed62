/**
 * The document's review features as the workspace shares them with every clause row: approvals,
 * comments, and which clause the side panel is about. Kept apart from WorkspaceContext (the editing
 * machinery) so that an approval or a comment arriving re-renders the gutters, not the editors.
 */
import { createContext, useContext } from 'react';
import type { Approvals, ApprovalPermissions } from '../approvals';
import type { CommentsController } from '../comments';

export type PanelTab = 'comments' | 'approvals' | 'versions' | 'activity';

export interface WorkspaceFeatures {
  approvals: Approvals;
  approvalMe: ApprovalPermissions;
  comments: CommentsController;
  /** The clause the comments panel is about (the last one focused). */
  selectedClauseId: string | null;
  /** Opens the comments of a clause in the side panel. */
  showComments(clauseId: string): void;
  announce(message: string): void;
}

export const FeaturesContext = createContext<WorkspaceFeatures | null>(null);

export function useFeatures(): WorkspaceFeatures {
  const value = useContext(FeaturesContext);
  if (!value) throw new Error('useFeatures() is used outside an open document');
  return value;
}
