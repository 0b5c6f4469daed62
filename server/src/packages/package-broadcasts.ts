import type { AppContext } from '../context';
import { SocketEvent } from '../../../shared/src/protocol';
import type { AppServer } from '../realtime/socket-auth';
import { documentRoom } from '../realtime/rooms';

/**
 * Tells everyone who has the document open that a package was created, changed or deleted — after the
 * command's transaction committed — so every workspace re-derives the approvals it holds [A5] and its
 * Packages tab. Returns a function that stops relaying.
 */
export function relayPackageEvents(ctx: AppContext, io: AppServer): () => void {
  const stops = [
    ctx.events.on('package.changed', (event) => {
      io.to(documentRoom(event.documentId)).emit(SocketEvent.PackageChanged, event);
    }),
    ctx.events.on('package.deleted', (event) => {
      io.to(documentRoom(event.documentId)).emit(SocketEvent.PackageDeleted, event);
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
