/**
 * The threads of one document as this client knows them: loaded over REST, then kept current by
 * socket.io events and by the answers to this person's own changes. Whichever arrives later for a
 * thread wins only if it is not older (lastActivityAt), so a late REST page never undoes a live event.
 */
import type { CommentThread } from '../../../shared/src/comment-api';

export type CommentsStatus = 'loading' | 'ready' | 'error';

export interface CommentsSnapshot {
  status: CommentsStatus;
  error: unknown;
  /** Every known thread, newest first. */
  threads: readonly CommentThread[];
}

export class CommentsStore {
  private byId = new Map<string, CommentThread>();
  private snapshot: CommentsSnapshot = { status: 'loading', error: null, threads: [] };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CommentsSnapshot => this.snapshot;

  /** Replaces everything with a fresh full load, keeping threads a live event made newer meanwhile. */
  reset(threads: readonly CommentThread[]): void {
    const next = new Map<string, CommentThread>();
    for (const thread of threads) next.set(thread.id, newer(this.byId.get(thread.id), thread));
    this.byId = next;
    this.publish({ status: 'ready', error: null });
  }

  upsert(thread: CommentThread): void {
    const current = this.byId.get(thread.id);
    const chosen = newer(current, thread);
    if (chosen === current) return;
    this.byId.set(thread.id, chosen);
    this.publish({});
  }

  fail(error: unknown): void {
    this.publish({ status: this.snapshot.status === 'ready' ? 'ready' : 'error', error });
  }

  get(threadId: string): CommentThread | undefined {
    return this.byId.get(threadId);
  }

  private publish(change: Partial<CommentsSnapshot>): void {
    const threads = [...this.byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    this.snapshot = { ...this.snapshot, ...change, threads };
    for (const listener of this.listeners) listener();
  }
}

function newer(current: CommentThread | undefined, incoming: CommentThread): CommentThread {
  if (!current) return incoming;
  return incoming.lastActivityAt >= current.lastActivityAt ? incoming : current;
}

/** Open threads per clause, for the gutter badges. */
export function openCounts(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) if (thread.status === 'open') counts.set(thread.clauseId, (counts.get(thread.clauseId) ?? 0) + 1);
  return counts;
}
