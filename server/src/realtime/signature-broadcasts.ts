import type { AppContext } from '../context';
import { SocketEvent } from '../../../shared/src/protocol';
import type { AppServer } from './socket-auth';
import { documentRoom } from './rooms';

/**
 * Tells everyone who has the document open that the signed text was initialled or a signature ad
 * referendum confirmed, after the command committed: the signed-version page reads the attestations again.
 */
export function relaySignatureEvents(ctx: AppContext, io: AppServer): () => void {
  return ctx.events.on('signature.attested', (event) => {
    io.to(documentRoom(event.documentId)).emit(SocketEvent.SignatureAttested, event);
  });
}
