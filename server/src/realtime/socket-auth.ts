import type { Socket } from 'socket.io';
import type { AppContext } from '../context';
import { lookupSession } from '../auth/sessions';
import { readSessionToken } from '../auth/session-cookie';
import { languageFromHeader, translator, type UiLanguage } from '../i18n';
import type { ErrorCode } from '../../../shared/src/error-codes';

/** What a socket knows about its person, set once at the handshake. */
export interface SocketIdentity {
  userId: string;
  sessionId: string;
  isAdmin: boolean;
  lang: UiLanguage;
  /** Documents whose rooms this socket joined. */
  documents: Set<string>;
}

export const identityOf = (socket: Socket): SocketIdentity => socket.data as SocketIdentity;

/** An Error socket.io hands to the client's `connect_error`, with `{ code, message }` in `data`. */
export function handshakeError(code: ErrorCode, lang: UiLanguage): Error & { data: { code: string; message: string } } {
  const message = translator(lang)(code);
  return Object.assign(new Error(message), { data: { code, message } });
}

/** socket.io middleware: the session cookie must name a live session, else the connection is refused. */
export function socketAuthentication(ctx: AppContext) {
  return async (socket: Socket, next: (err?: Error) => void) => {
    const lang = languageFromHeader(socket.request.headers['accept-language']);
    try {
      const token = readSessionToken(socket.request.headers.cookie);
      const found = token ? await lookupSession(ctx.pool, token, ctx.env) : { state: 'none' as const };
      if (found.state !== 'active') {
        ctx.log.warn({ channel: 'socket.io', state: found.state }, 'socket.io connection refused: not signed in');
        next(handshakeError(found.state === 'expired' ? 'session_expired' : 'unauthenticated', lang));
        return;
      }
      const identity: SocketIdentity = {
        userId: found.session.user.id, sessionId: found.session.id, isAdmin: found.session.user.isAdmin,
        lang: found.session.user.uiLanguage, documents: new Set(),
      };
      socket.data = identity;
      next();
    } catch (err) {
      ctx.log.error({ err }, 'socket.io authentication failed');
      next(handshakeError('internal', lang));
    }
  };
}
