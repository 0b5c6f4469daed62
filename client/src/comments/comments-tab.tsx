/** The side panel's comments tab: the selected clause's threads (with the composer), then every thread of the document. */
import type { Participant } from '../../../shared/src/api/participants';
import type { CommentThread } from '../../../shared/src/api/comments';
import { CommentList } from './comment-list';
import type { CommentsStore } from './comments-store';
import type { CommentsViewer, MemberForMentions } from './comments-viewer';
import { ThreadSidebar, type CommentDraft } from './thread-sidebar';

export interface CommentsTabProps {
  store: CommentsStore;
  viewer: CommentsViewer;
  participants: readonly Participant[];
  languages: readonly string[];
  clauseId: string | null;
  clauseLabel(clauseId: string): string;
  members: readonly MemberForMentions[];
  draft: CommentDraft | null;
  onDraftDone(): void;
  activeThreadId: string | null;
  onActivateThread(threadId: string): void;
  frozen: boolean;
  onOpenThread(thread: CommentThread): void;
}

export function CommentsTab(props: CommentsTabProps) {
  const { store, viewer, participants, languages, clauseId, clauseLabel, members, draft, onDraftDone, activeThreadId, onActivateThread, frozen, onOpenThread } =
    props;
  return (
    <>
      <ThreadSidebar
        store={store}
        viewer={viewer}
        participants={participants}
        clauseId={clauseId}
        clauseLabel={clauseId ? clauseLabel(clauseId) : ''}
        members={members}
        draft={draft}
        onDraftDone={onDraftDone}
        activeThreadId={activeThreadId}
        onActivateThread={onActivateThread}
        frozen={frozen}
      />
      <CommentList store={store} viewer={viewer} participants={participants} languages={languages} clauseLabel={clauseLabel} onOpenThread={onOpenThread} />
    </>
  );
}
