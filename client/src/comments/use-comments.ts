/**
 * The comment threads of a document in React, on the shared live store:
 *  - useCommentsStore(documentId): the store, kept live while the screen is open;
 *  - useComments(store): every thread and the actions, for the sidebar and the list;
 *  - useOpenThreadCount(store, clauseId): one clause's count, for its gutter — another clause's thread
 *    does not re-render it;
 *  - useProposalThreads(store, proposalId): the threads about one proposal, for its card.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { isNetworkFailure } from '../app/error-message';
import { isServerReachable } from '../app/connectivity';
import { CommentOutbox, type QueuedComment } from './comment-outbox';
import type { CommentThread } from '../../../shared/src/api/comments';
import type { LiveSnapshot } from '../realtime/live-store';
import { useLive, useLiveSelect, useLiveStart } from '../realtime/use-live';
import { commentsApi, loadAllThreads, type NewThread } from './comments-api';
import { CommentsStore, type CommentsData } from './comments-store';

export interface CommentsController extends LiveSnapshot<CommentsData> {
  documentId: string;
  store: CommentsStore;
  threadsOfClause(clauseId: string): readonly CommentThread[];
  /** Resolves null when the server could not be reached: the comment waits in the outbox and is sent later. */
  create(thread: NewThread): Promise<CommentThread | null>;
  reply(commentId: string, body: string): Promise<CommentThread | null>;
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

/**
 * One store per document (switching documents starts from nothing), live while the component is
 * mounted, with the outbox of the comments this person wrote while the server could not be reached.
 */
export function useCommentsStore(documentId: string, userId: string | null = null): CommentsStore {
  const store = useMemo(() => createCommentsStore(documentId), [documentId]);
  useLiveStart(store);
  useEffect(() => {
    const outbox = new CommentOutbox(
      documentId,
      userId,
      {
        create: async (thread, requestId) => (await commentsApi.create(documentId, thread, requestId)).thread,
        reply: async (threadId, body, requestId) => (await commentsApi.reply(threadId, body, requestId)).thread,
      },
      (thread) => store.upsert(thread),
    );
    const detach = store.attachOutbox(outbox);
    return () => {
      detach();
      outbox.destroy();
    };
  }, [store, documentId, userId]);
  return store;
}

/** The comments waiting to be sent, live (none without an outbox). */
export function useQueuedComments(store: CommentsStore): readonly QueuedComment[] {
  return useSyncExternalStore(
    store.subscribeQueue,
    () => store.outbox?.items() ?? NO_ITEMS,
    () => NO_ITEMS,
  );
}

const NO_ITEMS: readonly QueuedComment[] = [];

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
    /**
     * Posts a comment; when the server cannot be reached it waits in the outbox (null), and so does any
     * comment written while others wait, so they arrive in the order they were written.
     */
    const post = async (
      item: { thread: Omit<NewThread, 'body'> | null; replyTo: string | null; body: string },
      send: (requestId: string) => Promise<{ thread: CommentThread }>,
    ) => {
      const requestId = crypto.randomUUID();
      const outbox = store.outbox;
      if (outbox?.waiting || (outbox && !isServerReachable())) {
        outbox.enqueue({ requestId, ...item });
        return null;
      }
      try {
        return await apply(send(requestId));
      } catch (error) {
        if (!outbox || !isNetworkFailure(error)) throw error;
        outbox.enqueue({ requestId, ...item });
        return null;
      }
    };
    const documentId = store.documentId;
    return {
      ...snapshot,
      documentId,
      store,
      threadsOfClause: (clauseId: string) => snapshot.byClause.get(clauseId) ?? NONE,
      create: ({ body, ...where }: NewThread) =>
        post({ thread: where, replyTo: null, body }, (requestId) => commentsApi.create(documentId, { ...where, body }, requestId)),
      reply: (commentId: string, body: string) =>
        post({ thread: null, replyTo: commentId, body }, (requestId) => commentsApi.reply(commentId, body, requestId)),
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
