/** The comment routes (docs/api.md, "Comments"). Errors arrive as ApiError with the server's translated message. */
import { api } from '../api/http';
import type { AnchorInput, CommentThread, CommentThreadCounts, CommentThreadList, CommentVisibility } from '../../../shared/src/api/comments';

export interface NewThread {
  clauseId: string;
  /** A proposal of that clause the thread is about. */
  proposalId?: string;
  language: string | null;
  anchor: AnchorInput | null;
  visibility: CommentVisibility;
  body: string;
}

const documentComments = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/comments`;
const comment = (commentId: string) => `/api/comments/${encodeURIComponent(commentId)}`;

export const commentsApi = {
  list: (documentId: string, query: Record<string, string> = {}, signal?: AbortSignal) =>
    api.get<CommentThreadList>(`${documentComments(documentId)}?${new URLSearchParams(query)}`, { signal }),
  counts: (documentId: string) => api.get<CommentThreadCounts>(`${documentComments(documentId)}/counts`),
  /** `requestId`: the client's id for the comment; sent again, it is the same comment (never posted twice). */
  create: (documentId: string, thread: NewThread, requestId?: string) =>
    api.post<{ thread: CommentThread }>(documentComments(documentId), requestId ? { ...thread, requestId } : thread),
  reply: (commentId: string, body: string, requestId?: string) =>
    api.post<{ thread: CommentThread }>(`${comment(commentId)}/replies`, requestId ? { body, requestId } : { body }),
  edit: (commentId: string, body: string) => api.patch<{ thread: CommentThread }>(comment(commentId), { body }),
  remove: (commentId: string) => api.delete<{ thread: CommentThread }>(comment(commentId)),
  resolve: (commentId: string) => api.post<{ thread: CommentThread }>(`${comment(commentId)}/resolve`, {}),
  reopen: (commentId: string) => api.post<{ thread: CommentThread }>(`${comment(commentId)}/reopen`, {}),
};

/** Every thread the person may read, page after page. */
export async function loadAllThreads(documentId: string, signal?: AbortSignal): Promise<CommentThread[]> {
  const threads: CommentThread[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = { limit: '100' };
    if (cursor) query.cursor = cursor;
    const page = await commentsApi.list(documentId, query, signal);
    threads.push(...page.threads);
    cursor = page.nextCursor;
  } while (cursor);
  return threads;
}
