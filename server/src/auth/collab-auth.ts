import type http from 'node:http';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';

/** Who is on the other end of a collab socket, and what they may do there. */
export interface CollabPrincipal {
  userId: string | null;
  displayName: string;
  documentId: string;
  role: 'secretariat' | 'delegate' | 'legal_reviewer' | 'observer' | 'developer';
  participantId: string | null;
  /** Whether the policy lets this person change the text (sync step 2 and updates are applied). */
  canWrite: boolean;
  /** The session the socket was opened with; its end closes the socket. */
  sessionId: string | null;
}

/**
 * Authenticates a collab upgrade (session cookie, or `?token=` from POST /api/documents/:id/collab-token)
 * and authorizes it against the policy. Throws AppError (unauthenticated, forbidden, not_found,
 * origin_not_allowed) to refuse the upgrade.
 *
 * Until the identity issue lands this only admits anyone when COLLAB_DEV_OPEN=1 (development only).
 */
export async function authenticateCollab(ctx: AppContext, _req: http.IncomingMessage, documentId: string): Promise<CollabPrincipal> {
  if (ctx.env.COLLAB_DEV_OPEN) {
    return { userId: null, displayName: 'Developer', documentId, role: 'developer', participantId: null, canWrite: true, sessionId: null };
  }
  throw new AppError('unauthenticated');
}
