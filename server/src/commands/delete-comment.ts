import type { AppContext } from '../context';
import { recordAuditEvent } from '../audit/record-event';
import { findVisibleThreadOfComment, markCommentDeleted, touchThread } from '../comments/comment-store';
import { AppError } from '../http/errors';
import {
  auditSubject,
  authorizeCommentWrite,
  inDraftTransaction,
  publishThread,
  readerOf,
  requireVisibleThread,
  type CommentActor,
} from '../comments/comment-actions';
import type { CommentThread } from '../../../shared/src/api/comments';

/**
 * Deletes one's own comment. Its row stays as a marker ("comment deleted") without body or mentions,
 * so the thread keeps its shape; deleting the first comment leaves the thread and its replies.
 */
export async function deleteComment(ctx: AppContext, actor: CommentActor, commentId: string): Promise<CommentThread> {
  const { thread, comment } = await requireVisibleThread(ctx, actor, commentId);
  await authorizeCommentWrite(ctx, actor, thread);
  if (comment.author_id !== actor.user.id) throw new AppError('comment_not_author');
  if (comment.deleted_at) throw new AppError('comment_deleted');
  await inDraftTransaction(ctx, thread.document_id, async (client) => {
    const locked = await findVisibleThreadOfComment(client, commentId, readerOf(actor), true);
    if (!locked) throw new AppError('not_found');
    if (locked.comment.deleted_at) throw new AppError('comment_deleted');
    await markCommentDeleted(client, commentId, actor.user.id);
    await touchThread(client, thread.id);
    await recordAuditEvent(client, {
      documentId: thread.document_id,
      actorUserId: actor.user.id,
      action: 'comment.deleted',
      subject: auditSubject(locked.thread, { commentId, firstComment: commentId === thread.id }),
    });
  });
  return publishThread(ctx, thread.id, 'deleted', commentId);
}
