import type { AppContext } from '../context';
import { SocketEvent } from '../../../shared/src/protocol';
import { SECRETARIAT_DELEGATION } from '../../../shared/src/comment-visibility';
import type { CommentThreadChangedEvent } from '../../../shared/src/api/comments';
import type { AppServer } from './socket-auth';
import { delegationRoom, documentRoom } from './rooms';

/** The one room an event about a thread goes to: the document's for a public thread, its delegation's for an internal one [V1, V2]. */
export function commentRoom(documentId: string, audience: string | null): string {
  if (audience === null) return documentRoom(documentId);
  return delegationRoom(documentId, audience === SECRETARIAT_DELEGATION ? null : audience);
}

/**
 * Relays committed comment changes to the sockets that may read the thread, and to no other: the
 * delegation rooms are joined only by members whom the policy lets read that delegation's internal
 * notes (document-channel.ts). Returns a function that stops relaying.
 */
export function relayCommentEvents(ctx: AppContext, io: AppServer): () => void {
  return ctx.events.on('comment.thread_changed', ({ audience, ...event }) => {
    const payload: CommentThreadChangedEvent = event;
    io.to(commentRoom(event.documentId, audience)).emit(SocketEvent.CommentThreadChanged, payload);
  });
}
