/**
 * useComments(documentId): every comment thread the person may read on a document, live.
 * REST loads them (again after every socket.io reconnection, to catch what was missed); socket.io
 * `comment:thread` events keep them current; each action's answer is applied at once.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useRealtimeSocket } from '../realtime/realtime';
import { SocketEvent } from '../../../shared/src/protocol';
import type { CommentThread, CommentThreadChangedEvent } from '../../../shared/src/comment-api';
import { commentsApi, loadAllThreads, type NewThread } from './comments-api';
import { CommentsStore, openCounts, type CommentsSnapshot } from './comments-store';

export interface CommentsController extends CommentsSnapshot {
  documentId: string;
  store: CommentsStore;
  /** Open threads per clause id. */
  openCounts: ReadonlyMap<string, number>;
  threadsOfClause(clauseId: string): CommentThread[];
  create(thread: NewThread): Promise<CommentThread>;
  reply(commentId: string, body: string): Promise<CommentThread>;
  edit(commentId: string, body: string): Promise<CommentThread>;
  remove(commentId: string): Promise<CommentThread>;
  resolve(commentId: string): Promise<CommentThread>;
  reopen(commentId: string): Promise<CommentThread>;
  reload(): void;
}

export function useComments(documentId: string): CommentsController {
  const socket = useRealtimeSocket();
  // One store per document: switching documents starts from nothing.
  const store = useMemo(() => new CommentsStore(), [documentId]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    loadAllThreads(documentId, controller.signal).then(
      (threads) => store.reset(threads),
      (error: unknown) => { if ((error as Error).name !== 'AbortError') store.fail(error); },
    );
    return () => controller.abort();
  }, [documentId, store, reloads]);

  useEffect(() => {
    if (!socket) return;
    const onThread = (event: CommentThreadChangedEvent) => {
      if (event.documentId === documentId) store.upsert(event.thread);
    };
    // After a reconnection the rooms are joined again (useDocumentChannel); events sent meanwhile are lost.
    let connectedBefore = socket.connected;
    const onConnect = () => { if (connectedBefore) reload(); connectedBefore = true; };
    socket.on(SocketEvent.CommentThreadChanged, onThread);
    socket.on('connect', onConnect);
    return () => {
      socket.off(SocketEvent.CommentThreadChanged, onThread);
      socket.off('connect', onConnect);
    };
  }, [socket, documentId, store, reload]);

  return useMemo(() => {
    const apply = async (call: Promise<{ thread: CommentThread }>) => {
      const { thread } = await call;
      store.upsert(thread);
      return thread;
    };
    return {
      ...snapshot,
      documentId,
      store,
      openCounts: openCounts(snapshot.threads),
      threadsOfClause: (clauseId: string) => snapshot.threads.filter((t) => t.clauseId === clauseId),
      create: (thread: NewThread) => apply(commentsApi.create(documentId, thread)),
      reply: (commentId: string, body: string) => apply(commentsApi.reply(commentId, body)),
      edit: (commentId: string, body: string) => apply(commentsApi.edit(commentId, body)),
      remove: (commentId: string) => apply(commentsApi.remove(commentId)),
      resolve: (commentId: string) => apply(commentsApi.resolve(commentId)),
      reopen: (commentId: string) => apply(commentsApi.reopen(commentId)),
      reload,
    };
  }, [snapshot, documentId, store, reload]);
}
