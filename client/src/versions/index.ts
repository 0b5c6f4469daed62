/**
 * Versions, the redline, the freeze, the signature record, the signed text with its exports,
 * verification and the activity feed — self-contained components the workspace places and routes.
 */
import './versions.css';

export { VersionsPanel, type VersionsPanelProps } from './versions-panel';
export { VersionView } from './version-view';
export { CompareView, type CompareViewProps } from './compare-view';
export { RedlineView } from './redline-view';
export { FreezePanel, type FreezePanelProps } from './freeze-panel';
export { BlockerList } from './blocker-list';
export { SignatureForm, type SignatureFormProps } from './signature-form';
export { SignedVersionPage } from './signed-version-page';
export { VerifyPage } from './verify-page';
export { ActivityFeed, type ActivityFeedProps } from './activity-feed';
export { RejectedEdits } from './rejected-edits';
export * from './versions-api';
