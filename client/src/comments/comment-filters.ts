/** The document-wide list's filters, applied to the threads the client holds (the same meaning as the REST filters). */
import type { CommentThread } from '../../../shared/src/api/comments';
import { isMine, mentionsMe, type CommentsViewer } from './comments-viewer';

export interface CommentFilters {
  status: 'open' | 'resolved' | 'all';
  /** A language code, 'none' for threads on a whole clause, or '' for all. */
  language: string;
  /** The author's Participant id, or '' for all. */
  participantId: string;
  mine: boolean;
  mentioningMe: boolean;
}

export const DEFAULT_FILTERS: CommentFilters = { status: 'open', language: '', participantId: '', mine: false, mentioningMe: false };

export function filterThreads(threads: readonly CommentThread[], filters: CommentFilters, viewer: CommentsViewer): CommentThread[] {
  return threads.filter(
    (thread) =>
      (filters.status === 'all' || thread.status === filters.status) &&
      (filters.language === '' || (filters.language === 'none' ? thread.language === null : thread.language === filters.language)) &&
      (filters.participantId === '' || thread.participantId === filters.participantId) &&
      (!filters.mine || isMine(thread, viewer)) &&
      (!filters.mentioningMe || mentionsMe(thread, viewer)),
  );
}
