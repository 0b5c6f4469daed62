/**
 * The side panel of an open document with what each tab holds: the comments of the selected clause,
 * its proposals, the approval matrix, versions and the freeze, the activity feed and the outline. The stores come
 * from the features context; what the workspace screen keeps across closing the panel (the open thread,
 * the proposal brought into view, a comment being drafted) comes in as props.
 */
import { useMemo } from 'react';
import { useSession } from '../app/session';
import { ApprovalMatrix } from '../approvals';
import { CommentsTab } from '../comments/comments-tab';
import type { CommentDraft, CommentsViewer, MemberForMentions } from '../comments';
import { ProposalsPanel } from '../proposals';
import { ActivityFeed } from '../versions';
import { restoreFrom } from '../versions/restore-clause';
import type { DocumentDetail } from '../../../shared/src/api/documents';
import { useFeatures, type PanelTab } from './features-context';
import type { PanelPreference } from './panel-preference';
import { SidePanel } from './side-panel';
import { OutlineTab } from '../navigation/outline-tab';
import { PackagesPanel } from '../packages/packages-panel';
import { VersionsTab } from './versions-tab';
import { useWorkspace } from './workspace-context';

export interface WorkspacePanelProps {
  detail: DocumentDetail;
  tab: PanelTab;
  setPanel(change: Partial<PanelPreference>): void;
  selectedClauseId: string | null;
  onSelectClause(clauseId: string): void;
  labelOf(clauseId: string): string;
  members: MemberForMentions[];
  draft: CommentDraft | null;
  onDraftDone(): void;
  activeThreadId: string | null;
  onActivateThread(threadId: string | null): void;
  activeProposalId: string | null;
}

export function WorkspacePanel(props: WorkspacePanelProps) {
  const { detail, tab, setPanel, selectedClauseId, onSelectClause, labelOf, members } = props;
  const session = useSession();
  const { collab, focusRequests } = useWorkspace();
  const { approvals, approvalMe, comments, proposals, packages, participants, announce } = useFeatures();
  const { document: doc, me } = detail;
  const viewer: CommentsViewer = useMemo(
    () => ({
      userId: session.user?.id ?? '',
      permissions: me.permissions,
      role: me.role,
      participantId: me.participantId,
    }),
    [session.user?.id, me],
  );

  function renderTab(shown: PanelTab) {
    switch (shown) {
      case 'outline':
        return <OutlineTab languages={doc.languages} selectedClauseId={selectedClauseId} />;
      case 'comments':
        return (
          <CommentsTab
            store={comments}
            viewer={viewer}
            participants={participants}
            languages={doc.languages}
            clauseId={selectedClauseId}
            clauseLabel={labelOf}
            members={members}
            draft={props.draft}
            onDraftDone={props.onDraftDone}
            activeThreadId={props.activeThreadId}
            onActivateThread={props.onActivateThread}
            frozen={doc.status !== 'draft'}
            onOpenThread={(thread) => {
              onSelectClause(thread.clauseId);
              props.onActivateThread(thread.id);
              focusRequests.request(thread.clauseId, thread.language ?? doc.languages[0]);
            }}
          />
        );
      case 'proposals':
        return (
          <ProposalsPanel
            store={proposals}
            clauseId={selectedClauseId}
            clauseLabel={selectedClauseId ? labelOf(selectedClauseId) : ''}
            participants={participants}
            languages={doc.languages}
            viewer={{ participantId: me.participantId, permissions: new Set(me.permissions) }}
            activeProposalId={props.activeProposalId}
            announce={announce}
          />
        );
      case 'approvals':
        return <ApprovalMatrix store={approvals} me={approvalMe} announce={announce} />;
      case 'packages':
        return packages ? (
          <PackagesPanel
            documentId={doc.id}
            store={packages}
            approvals={approvals}
            languages={doc.languages}
            viewer={{ role: me.role, participantId: me.participantId, permissions: me.permissions }}
            announce={announce}
          />
        ) : null;
      case 'versions':
        return <VersionsTab detail={detail} clauseLabel={labelOf} announce={announce} approvals={approvals} />;
      case 'activity':
        return (
          <ActivityFeed
            documentId={doc.id}
            clauseLabel={labelOf}
            participants={participants}
            members={members}
            restore={me.permissions.includes('document.edit_structure') ? restoreFrom(collab.ydoc, doc.id) : undefined}
          />
        );
    }
  }

  // 'outline' is a tab the preference keeps like the others; PanelTab (features-context.tsx) is to list it too.
  return <SidePanel tab={tab} onTab={(next) => setPanel({ tab: next })} onHide={() => setPanel({ open: false })} render={renderTab} />;
}
