/**
 * The comment threads of a document in React, on the shared live store:
 *  - useCommentsStore(documentId): the store, kept live while the screen is open;
 *  - useComments(store): every thread and the actions, for the sidebar and the list;
 *  - useOpenThreadCount(store, clauseId): one clause's count, for its gutter — another clause's thread
 *    does not re-render it;
 *  - useProposalThreads(store, proposalId): the threads about one proposal, for its card.
 */
import { useMemo } from 'react';
import type { CommentThread } from '../../../shared/src/api/comments';
import type { LiveSnapshot } from '../realtime/live-store';
import { useLive, useLiveSelect, useLiveStart } from '../realtime/use-live';
import { commentsApi, loadAllThreads, type NewThread } from './comments-api';
import { CommentsStore, type CommentsData } from './comments-store';

export interface CommentsController extends LiveSnapshot<CommentsData> {
  documentId: string;
  store: CommentsStore;
  threadsOfClause(clauseId: string): readonly CommentThread[];
  create(thread: NewThread): Promise<CommentThread>;
  reply(commentId: string, body: string): Promise<CommentThread>;
  edit(commentId: string, body: string): Promise<CommentThread>;
  remove(commentId: string): Promise<CommentThread>;
  resolve(commentId: string): Promise<CommentThread>;
  reopen(commentId: string): Promise<CommentThread>;
  reload(): void;
}

const NONE: readonly CommentThread[] = [];

export function createCommentsStore(documentId: string): CommentsStore {
  return new CommentsStore(documentId, (signal) => loadAllThreads(documentId, signal));
}

/** One store per document (switching documents starts from nothing), live while the component is mounted. */
export function useCommentsStore(documentId: string): CommentsStore {
  const store = useMemo(() => createCommentsStore(documentId), [documentId]);
  useLiveStart(store);
  return store;
}

/** Every thread, live, with the actions. */
export function useComments(store: CommentsStore): CommentsController {
  const snapshot = useLive(store);
  return useMemo(() => {
    // Each answer is applied at once; the socket event that follows changes nothing.
    const apply = async (call: Promise<{ thread: CommentThread }>) => {
      const { thread } = await call;
      store.upsert(thread);
      return thread;
    };
    const documentId = store.documentId;
    return {
      ...snapshot,
      documentId,
      store,
      threadsOfClause: (clauseId: string) => snapshot.byClause.get(clauseId) ?? NONE,
      create: (thread: NewThread) => apply(commentsApi.create(documentId, thread)),
      reply: (commentId: string, body: string) => apply(commentsApi.reply(commentId, body)),
      edit: (commentId: string, body: string) => apply(commentsApi.edit(commentId, body)),
      remove: (commentId: string) => apply(commentsApi.remove(commentId)),
      resolve: (commentId: string) => apply(commentsApi.resolve(commentId)),
      reopen: (commentId: string) => apply(commentsApi.reopen(commentId)),
      reload: () => {
        void snapshot.reload();
      },
    };
  }, [snapshot, store]);
}

/** The threads about one proposal, newest first (the same array while none of them changed). */
export function useProposalThreads(store: CommentsStore, proposalId: string): readonly CommentThread[] {
  return useLiveSelect(store, (snapshot) => snapshot.byProposal.get(proposalId) ?? NONE);
}

/** Open threads on one clause. */
export function useOpenThreadCount(store: CommentsStore, clauseId: string): number {
  return useLiveSelect(store, (snapshot) => snapshot.openCounts.get(clauseId) ?? 0);
}
