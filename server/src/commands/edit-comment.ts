import type { AppContext } from '../context';
import { findVisibleThreadOfComment, touchThread, updateCommentBody } from '../comments/comment-store';
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

/** Replaces the body of one's own comment (its mentions are read again). */
export async function editComment(ctx: AppContext, actor: CommentActor, commentId: string, rawBody: string): Promise<CommentThread> {
  const body = prepareBody(rawBody);
  const { thread, comment } = await requireVisibleThread(ctx, actor, commentId);
  await authorizeCommentWrite(ctx, actor, thread);
  if (comment.author_id !== actor.user.id) throw new AppError('comment_not_author');
  if (comment.deleted_at) throw new AppError('comment_deleted');
  const mentions = await resolveMentions(ctx, thread.document_id, audienceOf(thread), body);
  await inDraftTransaction(ctx, thread.document_id, async (client) => {
    const locked = await findVisibleThreadOfComment(client, commentId, readerOf(actor), true);
    if (!locked) throw new AppError('not_found');
    if (locked.comment.deleted_at) throw new AppError('comment_deleted');
    await updateCommentBody(client, commentId, body, mentions);
    await touchThread(client, thread.id);
    await recordAuditEvent(client, {
      documentId: thread.document_id,
      actorUserId: actor.user.id,
      action: 'comment.edited',
      subject: auditSubject(locked.thread, { commentId }),
    });
  });
  return publishThread(ctx, thread.id, 'edited', commentId);
}
