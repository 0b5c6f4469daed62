/**
 * Comments written while the server cannot be reached (issue 19): kept in this browser, shown as
 * waiting, and sent in order as soon as it answers again — on the browser's "online" event, when the
 * live connection is back, and every few seconds meanwhile. Each carries the request id it was first
 * sent with, so a request whose answer was lost is the same comment when sent again (the server's
 * comment-requests.ts). A comment the server refuses stays, with its reason, until the person discards
 * it: what was typed is never dropped silently. Kept per user and document in localStorage, so a closed
 * tab keeps them too; a user's are deleted when they sign out.
 */
import { ApiError } from '../api/http';
import { isNetworkFailure, errorMessage } from '../app/error-message';
import { isServerReachable, subscribeReachable } from '../app/connectivity';
import { i18n } from '../app/i18n';
import type { CommentThread } from '../../../shared/src/api/comments';
import type { NewThread } from './comments-api';

export interface QueuedComment {
  requestId: string;
  /** A new thread (where, and about what), or a reply in the thread `replyTo`. */
  thread: Omit<NewThread, 'body'> | null;
  replyTo: string | null;
  body: string;
  queuedAt: string;
  /** The server's reason when it refused the comment (it stays until discarded). */
  refused: string | null;
}

export interface OutboxSender {
  create(thread: NewThread, requestId: string): Promise<CommentThread>;
  reply(threadId: string, body: string, requestId: string): Promise<CommentThread>;
}

const PREFIX = 'concordia:outbox:';
const RETRY_MS = 5_000;
const NONE: readonly QueuedComment[] = [];

const storageKey = (userId: string, documentId: string) => `${PREFIX}${userId}:${documentId}`;

export class CommentOutbox {
  private queue: readonly QueuedComment[];
  private readonly listeners = new Set<() => void>();
  private sending = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;
  private destroyed = false;

  constructor(
    private readonly documentId: string,
    private readonly userId: string | null,
    private readonly sender: OutboxSender,
    private readonly onSent: (thread: CommentThread) => void,
  ) {
    this.queue = userId ? readQueue(storageKey(userId, documentId)) : NONE;
    window.addEventListener('online', this.flush);
    this.unsubscribe = subscribeReachable(() => {
      if (isServerReachable()) this.flush();
    });
    if (this.queue.some((item) => !item.refused)) this.flush();
  }

  items = (): readonly QueuedComment[] => this.queue;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whether new comments must wait behind others (so they keep their order). */
  get waiting(): boolean {
    return this.queue.some((item) => !item.refused);
  }

  /** Keeps a comment that could not be sent, and sends it when the server answers again. */
  enqueue(item: Omit<QueuedComment, 'queuedAt' | 'refused'>): void {
    this.set([...this.queue, { ...item, queuedAt: new Date().toISOString(), refused: null }]);
    this.schedule();
  }

  discard(requestId: string): void {
    this.set(this.queue.filter((item) => item.requestId !== requestId));
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    window.removeEventListener('online', this.flush);
    this.unsubscribe();
    this.listeners.clear();
  }

  /** Sends what waits, oldest first; stops at the first that cannot reach the server. */
  flush = (): void => {
    if (this.sending || this.destroyed) return;
    this.sending = true;
    void this.sendAll().finally(() => {
      this.sending = false;
      if (this.waiting) this.schedule();
    });
  };

  private async sendAll(): Promise<void> {
    for (;;) {
      const next = this.queue.find((item) => !item.refused);
      if (!next || this.destroyed) return;
      try {
        const thread = next.thread
          ? await this.sender.create({ ...next.thread, body: next.body }, next.requestId)
          : await this.sender.reply(next.replyTo!, next.body, next.requestId);
        this.set(this.queue.filter((item) => item.requestId !== next.requestId));
        this.onSent(thread);
      } catch (error) {
        // Not reached, or not now (server trouble, a rate limit, a session to renew): it waits.
        if (isNetworkFailure(error) || (error instanceof ApiError && (error.status >= 500 || error.status === 429 || error.status === 401))) return;
        const reason = errorMessage(i18n.t.bind(i18n), error);
        this.set(this.queue.map((item) => (item.requestId === next.requestId ? { ...item, refused: reason } : item)));
      }
    }
  }

  private schedule(): void {
    if (this.timer || this.destroyed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, RETRY_MS);
  }

  private set(queue: readonly QueuedComment[]): void {
    this.queue = queue.length === 0 ? NONE : queue;
    if (this.userId) writeQueue(storageKey(this.userId, this.documentId), this.queue);
    for (const listener of this.listeners) listener();
  }
}

/** How many comments of this user wait in this browser, in every document. */
export function queuedCommentCount(userId: string): number {
  let count = 0;
  for (const key of keysOf(userId)) count += readQueue(key).length;
  return count;
}

/** Deletes a user's waiting comments from this browser (sign-out). */
export function deleteCommentOutboxes(userId: string): void {
  for (const key of keysOf(userId)) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage disabled: nothing was kept there.
    }
  }
}

function keysOf(userId: string): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(`${PREFIX}${userId}:`)) keys.push(key);
    }
  } catch {
    // Storage disabled.
  }
  return keys;
}

function readQueue(key: string): readonly QueuedComment[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isQueuedComment) : NONE;
  } catch {
    return NONE;
  }
}

function writeQueue(key: string, queue: readonly QueuedComment[]): void {
  try {
    if (queue.length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(queue));
  } catch {
    // Storage full or disabled: the comments still wait in this page.
  }
}

function isQueuedComment(value: unknown): value is QueuedComment {
  const item = value as Partial<QueuedComment> | null;
  return (
    typeof item === 'object' &&
    item !== null &&
    typeof item.requestId === 'string' &&
    typeof item.body === 'string' &&
    (item.replyTo === null || typeof item.replyTo === 'string') &&
    (item.thread === null || (typeof item.thread === 'object' && typeof item.thread?.clauseId === 'string'))
  );
}
