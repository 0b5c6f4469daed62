/** Approvals and concordance in the client: the hook, the clause badges, the matrix and the dialogs. */
import './approvals.css';

export { useApprovals, type Approvals } from './use-approvals';
export { ClauseBadges, useClauseRow, type ApprovalPermissions, type ClauseBadgesProps } from './clause-badges';
export { ApprovalMatrix, type ApprovalMatrixProps } from './approval-matrix';
export { ApproveDialog, type ApproveDialogProps } from './approve-dialog';
export { ChangedSince, type ChangedSinceProps } from './changed-since';
