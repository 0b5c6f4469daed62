import type http from 'node:http';
import type { AppContext } from '../context';
import type { CollabPrincipal } from '../collab/principal';
import { AppError } from '../http/errors';
import { authorize } from '../policies/authorize';
import { loadDocumentAccess } from '../policies/document-access';
import { can } from '../../../shared/src/policy';
import { consumeCollabToken } from './collab-tokens';
import { lookupSession, lookupSessionById, type SessionLookup } from './sessions';
import { readSessionToken } from './session-cookie';
import { TOKEN_PATTERN } from './tokens';

/** The session behind an upgrade: a `?token=` ticket (single use, this document only) or the session cookie. */
async function upgradeSession(ctx: AppContext, req: http.IncomingMessage, documentId: string): Promise<SessionLookup> {
  const ticket = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
  if (ticket !== null) {
    if (!TOKEN_PATTERN.test(ticket)) return { state: 'none' };
    const grant = await consumeCollabToken(ctx.pool, ticket, documentId);
    return grant ? lookupSessionById(ctx.pool, grant.sessionId, ctx.env) : { state: 'none' };
  }
  const cookie = readSessionToken(req.headers.cookie);
  return cookie ? lookupSession(ctx.pool, cookie, ctx.env) : { state: 'none' };
}

/**
 * Authenticates a collab upgrade (session cookie, or `?token=` from POST /api/documents/:id/collab-token)
 * and authorizes it against the policy: reading needs `document.read`; `canWrite` is
 * `document.edit_text`. Throws AppError (unauthenticated, session_expired, not_found, forbidden) to
 * refuse the upgrade. COLLAB_DEV_OPEN (development only) admits a connection that brings no credential.
 */
export async function authenticateCollab(ctx: AppContext, req: http.IncomingMessage, documentId: string): Promise<CollabPrincipal> {
  const found = await upgradeSession(ctx, req, documentId);
  if (found.state !== 'active') {
    const brought = req.headers.cookie !== undefined || req.url?.includes('token=');
    if (ctx.env.COLLAB_DEV_OPEN && !brought) {
      return { userId: null, displayName: 'Developer', documentId, role: 'developer', participantId: null, participant: null, canWrite: true, sessionId: null };
    }
    ctx.log.warn({ documentId, state: found.state, channel: 'collab' }, 'collab upgrade refused: not signed in');
    throw new AppError(found.state === 'expired' ? 'session_expired' : 'unauthenticated');
  }
  const { session } = found;
  const access = await loadDocumentAccess(ctx.pool, documentId, session.user);
  if (!access) throw new AppError('not_found');
  await authorize(
    ctx,
    access.subject,
    'document.read',
    { documentStatus: access.document.status },
    { channel: 'collab', target: 'collab upgrade', documentId },
  );
  const participantId = access.membership?.participant_id ?? null;
  const participant = participantId
    ? ((await ctx.pool.query<{ code: string; color: string }>('SELECT code, color FROM participants WHERE id = $1', [participantId])).rows[0] ?? null)
    : null;
  return {
    userId: session.user.id,
    displayName: session.user.displayName,
    documentId,
    // An administrator who is not a member reads as an observer would.
    role: access.membership?.role ?? 'observer',
    participantId,
    participant,
    canWrite: can(access.subject, 'document.edit_text', { documentStatus: access.document.status }).allowed,
    sessionId: session.id,
  };
}
