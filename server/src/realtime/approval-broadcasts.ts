import type { AppContext } from '../context';
import { SocketEvent } from '../../../shared/src/protocol';
import type { AppServer } from './socket-auth';
import { documentRoom } from './rooms';

/**
 * Tells everyone who has the document open that an approval was recorded or revoked, or concordance
 * confirmed — after the command's transaction committed. Clients merge the record into what they hold
 * and re-derive every status from their own Y.Doc. Returns a function that stops relaying.
 */
export function relayApprovalEvents(ctx: AppContext, io: AppServer): () => void {
  const stops = [
    ctx.events.on('approval.recorded', (event) => {
      io.to(documentRoom(event.documentId)).emit(SocketEvent.ApprovalRecorded, event);
    }),
    ctx.events.on('approval.revoked', (event) => {
      io.to(documentRoom(event.documentId)).emit(SocketEvent.ApprovalRevoked, event);
    }),
    ctx.events.on('concordance.confirmed', (event) => {
      io.to(documentRoom(event.documentId)).emit(SocketEvent.ConcordanceConfirmed, event);
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
