import type { AppContext } from '../context';
import { SocketEvent } from '../../../shared/src/protocol';
import type { AppServer } from './socket-auth';
import { documentRoom } from './rooms';

/**
 * Tells everyone who has the document open that its status changed — frozen (or archived) — after
 * the command committed: their workspace turns read-only and shows the signed text. The collab
 * endpoint tells each editor too (a permission-denied frame); this reaches every open page.
 */
export function relayVersionEvents(ctx: AppContext, io: AppServer): () => void {
  return ctx.events.on('document.status', ({ documentId, status }) => {
    io.to(documentRoom(documentId)).emit(SocketEvent.DocumentStatusChanged, { documentId, status });
  });
}
