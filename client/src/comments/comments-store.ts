/**
 * The threads of one document as this client knows them, on the shared live store
 * (realtime/live-store.ts): loaded over REST (again after every reconnection), kept current by
 * socket.io `comment:thread` events and by the answers to this person's own changes. A thread is
 * replaced only by a version that is not older (lastActivityAt) and says something new, so a duplicate
 * or a late event changes nothing; a clause's list stays the same array while none of its threads changed.
 */
import { SocketEvent } from '../../../shared/src/protocol';
import type { CommentThread, CommentThreadChangedEvent } from '../../../shared/src/api/comments';
import { aboutDocument, LiveStore, sameOr, type Change } from '../realtime/live-store';
import type { CommentOutbox } from './comment-outbox';

export interface CommentsData {
  /** Every known thread, newest first. */
  threads: readonly CommentThread[];
  byId: ReadonlyMap<string, CommentThread>;
  /** Each clause's threads, newest first. */
  byClause: ReadonlyMap<string, readonly CommentThread[]>;
  /** The threads about each proposal, newest first. */
  byProposal: ReadonlyMap<string, readonly CommentThread[]>;
  /** Open threads per clause, for the gutter badges. */
  openCounts: ReadonlyMap<string, number>;
}

const NO_THREADS: readonly CommentThread[] = [];

export class CommentsStore extends LiveStore<CommentsData> {
  private attachedOutbox: CommentOutbox | null = null;

  /** Comments waiting to be sent (comment-outbox.ts), while useCommentsStore keeps one for the person. */
  get outbox(): CommentOutbox | null {
    return this.attachedOutbox;
  }

  private readonly queueListeners = new Set<() => void>();

  attachOutbox(outbox: CommentOutbox): () => void {
    this.attachedOutbox = outbox;
    const unsubscribe = outbox.subscribe(this.queueChanged);
    this.queueChanged();
    return () => {
      unsubscribe();
      if (this.attachedOutbox !== outbox) return;
      this.attachedOutbox = null;
      this.queueChanged();
    };
  }

  /** Calls `listener` when the waiting comments change (or an outbox is attached or detached). */
  subscribeQueue = (listener: () => void): (() => void) => {
    this.queueListeners.add(listener);
    return () => this.queueListeners.delete(listener);
  };

  private readonly queueChanged = (): void => {
    for (const listener of this.queueListeners) listener();
  };

  /** Without `loadThreads` the store holds only what it is given (reset, upsert). */
  constructor(
    readonly documentId = '',
    loadThreads: (signal: AbortSignal) => Promise<readonly CommentThread[]> = async () => NO_THREADS,
  ) {
    super({
      initial: indexThreads(NO_THREADS),
      load: async (signal) => indexThreads(await loadThreads(signal)),
      merge: (loaded, held) => indexThreads(loaded.threads, held),
      events: {
        [SocketEvent.CommentThreadChanged]: (event: CommentThreadChangedEvent) => (aboutDocument(documentId, event) ? threadChanged(event.thread) : null),
      },
    });
  }

  /** A full list read elsewhere: it replaces what is held, with the changes it may not hold yet. */
  reset(threads: readonly CommentThread[]): void {
    this.accept(indexThreads(threads, this.getSnapshot()));
  }

  upsert(thread: CommentThread): void {
    this.apply(threadChanged(thread));
  }

  get(threadId: string): CommentThread | undefined {
    return this.getSnapshot().byId.get(threadId);
  }
}

/** A thread as it is now (an event, or the answer to an action). */
export const threadChanged =
  (thread: CommentThread): Change<CommentsData> =>
  (held) => {
    const current = held.byId.get(thread.id);
    if (
      current &&
      (thread.lastActivityAt < current.lastActivityAt ||
        (thread.lastActivityAt === current.lastActivityAt && JSON.stringify(thread) === JSON.stringify(current)))
    )
      return held;
    const byId = new Map(held.byId);
    byId.set(thread.id, thread);
    return indexThreads([...byId.values()], held);
  };

/** The indexes of a list of threads, keeping `previous`'s arrays wherever they hold the same threads. */
export function indexThreads(list: readonly CommentThread[], previous?: CommentsData): CommentsData {
  const threads = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  return {
    threads: sameOr(previous?.threads, threads),
    byId: new Map(threads.map((thread) => [thread.id, thread])),
    byClause: groupBy(threads, (thread) => thread.clauseId, previous?.byClause),
    byProposal: groupBy(threads, (thread) => thread.proposalId ?? null, previous?.byProposal),
    openCounts: openCounts(threads),
  };
}

/** Threads grouped by a key (those without one left out), keeping `previous`'s arrays wherever a group holds the same threads. */
function groupBy(
  threads: readonly CommentThread[],
  keyOf: (thread: CommentThread) => string | null,
  previous: ReadonlyMap<string, readonly CommentThread[]> | undefined,
): Map<string, readonly CommentThread[]> {
  const grouped = new Map<string, CommentThread[]>();
  for (const thread of threads) {
    const key = keyOf(thread);
    if (key === null) continue;
    const group = grouped.get(key);
    if (group) group.push(thread);
    else grouped.set(key, [thread]);
  }
  const kept = new Map<string, readonly CommentThread[]>();
  for (const [key, group] of grouped) kept.set(key, sameOr(previous?.get(key), group));
  return kept;
}

/** Open threads per clause. */
export function openCounts(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) if (thread.status === 'open') counts.set(thread.clauseId, (counts.get(thread.clauseId) ?? 0) + 1);
  return counts;
}
