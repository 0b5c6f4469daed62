/**
 * Comments on clauses (issue 5). The workspace wires these in:
 *  - useCommentsStore(documentId): the threads the person may read, live (realtime/live-store.ts);
 *    useComments(store) reads them all, useOpenThreadCount(store, clauseId) one clause's count;
 *  - commentHighlights(fragment, ydoc, getThreads, subscribe?) / highlightSource(store, clauseId, language):
 *    a ProseMirror plugin per clause editor, after ySyncPlugin;
 *  - commentKeymap(clauseId, language, fragment, onCommentSelection): Mod-Alt-m, also in read-only editors;
 *  - <ThreadCountBadge> in each clause's gutter, <ThreadSidebar> for the focused clause, <CommentList>.
 */
import './comments.css';

export { createCommentsStore, useComments, useCommentsStore, useOpenThreadCount, useProposalThreads, type CommentsController } from './use-comments';
export { CommentsStore, indexThreads, openCounts, threadChanged, type CommentsData } from './comments-store';
export { commentsApi, loadAllThreads, type NewThread } from './comments-api';
export {
  commentHighlights,
  commentHighlightsKey,
  highlightSource,
  refreshCommentHighlights,
  threadAt,
  type HighlightedThread,
  type HighlightSource,
} from './comment-highlights';
export {
  commentKeymap,
  commentOnSelectionCommand,
  commentShortcutLabel,
  isCommentShortcut,
  selectionComment,
  COMMENT_SHORTCUT,
  type OnCommentSelection,
  type SelectionComment,
} from './comment-keymap';
export { ThreadCountBadge, type ThreadCountBadgeProps } from './thread-count-badge';
export { ThreadSidebar, type CommentDraft, type ThreadSidebarProps } from './thread-sidebar';
export { ThreadView } from './thread-view';
export { CommentList, type CommentListProps } from './comment-list';
export { CommentBody } from './comment-body';
export { CommentComposer } from './comment-composer';
export { DEFAULT_FILTERS, filterThreads, type CommentFilters } from './comment-filters';
export { canComment, canWriteInternal, mentionableMembers, type CommentsViewer, type MemberForMentions } from './comments-viewer';
