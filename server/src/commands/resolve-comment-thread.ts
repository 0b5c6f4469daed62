import type { AppContext } from '../context';
import { recordAuditEvent } from '../audit/record-event';
import { findVisibleThreadOfComment, setThreadResolved } from '../comments/comment-store';
import { AppError } from '../http/errors';
import {
  auditSubject,
  authorizeCommentWrite,
  inDraftTransaction,
  presentThreads,
  publishThread,
  readerOf,
  requireVisibleThread,
  type CommentActor,
} from '../comments/comment-actions';
import type { CommentThread } from '../../../shared/src/api/comments';

/**
 * Resolves (or, with `resolved: false`, reopens) the thread holding `commentId`; anyone who may
 * comment on it may. Asking for the state it already has changes nothing and tells nobody.
 */
export async function resolveCommentThread(ctx: AppContext, actor: CommentActor, commentId: string, resolved: boolean): Promise<CommentThread> {
  const { thread } = await requireVisibleThread(ctx, actor, commentId);
  await authorizeCommentWrite(ctx, actor, thread);
  const changed = await inDraftTransaction(ctx, thread.document_id, async (client) => {
    const locked = await findVisibleThreadOfComment(client, thread.id, readerOf(actor), true);
    if (!locked) throw new AppError('not_found');
    if ((locked.thread.resolved_at !== null) === resolved) return false;
    await setThreadResolved(client, thread.id, actor.user.id, resolved);
    await recordAuditEvent(client, {
      documentId: thread.document_id,
      actorUserId: actor.user.id,
      action: resolved ? 'comment_thread.resolved' : 'comment_thread.reopened',
      subject: auditSubject(locked.thread),
    });
    return true;
  });
  if (!changed) return (await presentThreads(ctx, thread.document_id, [thread]))[0];
  return publishThread(ctx, thread.id, resolved ? 'resolved' : 'reopened', null);
}
