/**
 * Being mentioned: a comment written or edited names members (resolved by the server among those who
 * may read the thread, comment-actions.ts). Each mentioned person is told once per comment [N1] — an
 * edit that adds a name tells that person; one that keeps a name tells nobody again.
 */
import type { DomainEvents } from '../events';
import type { Notifier } from './notifier';

const TOLD_ON = new Set(['created', 'replied', 'edited']);

export async function noticeMentions(notifier: Notifier, event: DomainEvents['comment.thread_changed']): Promise<void> {
  if (!TOLD_ON.has(event.change) || event.commentId === null) return;
  const comment = event.thread.comments.find((c) => c.id === event.commentId);
  if (!comment || comment.deletedAt !== null || comment.mentions.length === 0) return;
  await notifier.tell(
    comment.mentions.map((m) => m.id),
    {
      documentId: event.documentId,
      kind: 'mention',
      source: `comment:${comment.id}`,
      clause: await notifier.clauseRef(event.documentId, event.thread.clauseId),
      threadId: event.thread.id,
      commentId: comment.id,
      actorUserId: comment.author.id,
      details: {},
    },
  );
}
