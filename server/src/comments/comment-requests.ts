/**
 * Posting a comment is idempotent per request id (issue 19): a browser that wrote a comment without a
 * connection sends it again until it gets an answer, and an answer can be lost after the comment was
 * stored. The same author sending the same request id gets the comment already posted; a request id
 * already used for another thread, reply or document is refused.
 */
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { findRequestedComment } from './comment-store';
import { presentThreads, requireVisibleThread, type CommentActor } from './comment-actions';
import type { CommentThread } from '../../../shared/src/api/comments';

/** What the request asked for: a new thread in a document, or a reply in a thread. */
export type CommentRequestTarget = { kind: 'thread'; documentId: string } | { kind: 'reply'; threadId: string };

/** The thread as it is now when this request was already carried out; null when it is new. */
export async function alreadyPosted(
  ctx: AppContext,
  actor: CommentActor,
  requestId: string | null,
  target: CommentRequestTarget,
): Promise<CommentThread | null> {
  if (requestId === null) return null;
  const found = await findRequestedComment(ctx.pool, actor.user.id, requestId);
  if (!found) return null;
  const same =
    target.kind === 'thread'
      ? found.documentId === target.documentId && found.commentId === found.threadId
      : found.threadId === target.threadId && found.commentId !== found.threadId;
  if (!same) throw new AppError('comment_request_reused');
  const { thread } = await requireVisibleThread(ctx, actor, found.commentId);
  const [presented] = await presentThreads(ctx, thread.document_id, [thread]);
  return presented;
}

/** Two copies of one request raced: the loser's insert hit the unique index on (author, request id). */
export function isRepeatedRequest(error: unknown): boolean {
  const err = error as { code?: unknown; constraint?: unknown };
  return err?.code === '23505' && (err.constraint === undefined || err.constraint === 'comments_author_request_id_idx');
}
