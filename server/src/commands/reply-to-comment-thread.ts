import type { AppContext } from '../context';
import { findVisibleThreadOfComment, insertReply } from '../comments/comment-store';
import { AppError } from '../http/errors';
import { recordAuditEvent } from '../audit/record-event';
import {
  audienceOf,
  auditSubject,
  authorizeCommentWrite,
  inDraftTransaction,
  prepareBody,
  publishThread,
  readerOf,
  requireVisibleThread,
  resolveMentions,
  type CommentActor,
} from '../comments/comment-actions';
import type { CommentThread } from '../../../shared/src/api/comments';
import { alreadyPosted, isRepeatedRequest } from '../comments/comment-requests';

/** Adds a reply to the thread holding `commentId` (any comment of it). Replying to a resolved thread leaves it resolved. */
export async function replyToCommentThread(
  ctx: AppContext,
  actor: CommentActor,
  commentId: string,
  rawBody: string,
  requestId: string | null = null,
): Promise<CommentThread> {
  const body = prepareBody(rawBody);
  const { thread } = await requireVisibleThread(ctx, actor, commentId);
  const posted = await alreadyPosted(ctx, actor, requestId, { kind: 'reply', threadId: thread.id });
  if (posted) return posted;
  await authorizeCommentWrite(ctx, actor, thread);
  const mentions = await resolveMentions(ctx, thread.document_id, audienceOf(thread), body);
  const replyId = await inDraftTransaction(ctx, thread.document_id, async (client) => {
    const locked = await findVisibleThreadOfComment(client, thread.id, readerOf(actor), true);
    if (!locked) throw new AppError('not_found');
    const id = await insertReply(client, thread.id, {
      authorId: actor.user.id,
      authorParticipantId: actor.access.membership?.participant_id ?? null,
      body,
      mentions,
      requestId,
    });
    await recordAuditEvent(client, {
      documentId: thread.document_id,
      actorUserId: actor.user.id,
      action: 'comment.replied',
      subject: auditSubject(locked.thread, { commentId: id }),
    });
    return id;
  }).catch((err: unknown) => {
    // The same request, sent twice at once: the other copy posted it.
    if (!isRepeatedRequest(err)) throw err;
    return null;
  });
  if (replyId === null) return (await alreadyPosted(ctx, actor, requestId, { kind: 'reply', threadId: thread.id }))!;
  return publishThread(ctx, thread.id, 'replied', replyId);
}
