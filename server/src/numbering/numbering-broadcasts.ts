import type { AppContext } from '../context';
import { SocketEvent } from '../../../shared/src/protocol';
import type { AppServer } from '../realtime/socket-auth';
import { documentRoom } from '../realtime/rooms';

/**
 * Tells everyone who has the document open that its numbering was fixed or renumbered (issue 15) —
 * after the command's transaction committed — so every workspace derives the new numbers at once.
 * Returns a function that stops relaying.
 */
export function relayNumberingEvents(ctx: AppContext, io: AppServer): () => void {
  return ctx.events.on('numbering.changed', (event) => {
    io.to(documentRoom(event.documentId)).emit(SocketEvent.NumberingChanged, event);
  });
}
