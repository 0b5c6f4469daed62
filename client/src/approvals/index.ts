/** Approvals and concordance in the client: the store and its hooks, the clause badges, the matrix and the dialogs. */
import './approvals.css';

export { ApprovalsStore, type ApprovalsApi, type ApprovalsMeta, type ApprovalsSnapshot } from './approvals-store';
export { createApprovalsStore, useApprovalRow, useApprovals, useApprovalsMeta, useApprovalsStore, type Approvals } from './use-approvals';
export { ClauseBadges, type ApprovalPermissions, type ClauseBadgesProps } from './clause-badges';
export { ApprovalMatrix, type ApprovalMatrixProps } from './approval-matrix';
export { ApproveDialog, type ApproveDialogProps } from './approve-dialog';
export { ChangedSince, type ChangedSinceProps } from './changed-since';
