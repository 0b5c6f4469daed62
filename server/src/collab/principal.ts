import type { Role } from '../../../shared/src/policy';

/** Who is on the other end of a collab socket, and what they may do there. */
export interface CollabPrincipal {
  userId: string | null;
  displayName: string;
  documentId: string;
  role: Role | 'developer';
  participantId: string | null;
  /** The Participant's code and colour, as presence shows them (server/src/collab/presence-stamp.ts). */
  participant: { code: string; color: string } | null;
  /** Whether the policy lets this person change the text (sync step 2 and updates are applied). */
  canWrite: boolean;
  /** The session the socket was opened with; its end closes the socket. */
  sessionId: string | null;
}
