import type { AppContext } from '../context';
import { SocketEvent } from '../../../shared/src/protocol';
import type { AppServer } from './socket-auth';
import { documentRoom } from './rooms';

/**
 * Proposals and the phase are read by every member (no delegation's notes in them): each change goes
 * to the document's room once the command that made it has committed.
 */
export function relayProposalEvents(ctx: AppContext, io: AppServer): () => void {
  const offProposal = ctx.events.on('proposal.changed', (event) => {
    io.to(documentRoom(event.documentId)).emit(SocketEvent.ProposalChanged, event);
  });
  const offPhase = ctx.events.on('document.phase', (event) => {
    io.to(documentRoom(event.documentId)).emit(SocketEvent.DocumentPhaseChanged, event);
  });
  return () => {
    offProposal();
    offPhase();
  };
}
