import type { Server, Socket } from 'socket.io';
import type { AppContext } from '../context';
import { lookupSession } from '../auth/sessions';
import { readSessionToken } from '../auth/session-cookie';
import { requestLanguage, translator, type UiLanguage } from '../i18n';
import type { ErrorCode } from '../../../shared/src/error-codes';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from '../../../shared/src/protocol';

/** socket.io typed end to end: the events of shared/src/protocol.ts, and what each socket knows of its person. */
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type SocketIdentity = SocketData;

export const identityOf = (socket: AppSocket): SocketIdentity => socket.data;

/** An Error socket.io hands to the client's `connect_error`, with `{ code, message }` in `data`. */
export function handshakeError(code: ErrorCode, lang: UiLanguage): Error & { data: { code: string; message: string } } {
  const message = translator(lang)(code);
  return Object.assign(new Error(message), { data: { code, message } });
}

/** socket.io middleware: the session cookie must name a live session, else the connection is refused. */
export function socketAuthentication(ctx: AppContext) {
  return async (socket: AppSocket, next: (err?: Error) => void) => {
    const lang = requestLanguage(socket.request);
    try {
      const token = readSessionToken(socket.request.headers.cookie);
      const found = token ? await lookupSession(ctx.pool, token, ctx.env) : { state: 'none' as const };
      if (found.state !== 'active') {
        ctx.log.warn({ channel: 'socket.io', state: found.state }, 'socket.io connection refused: not signed in');
        next(handshakeError(found.state === 'expired' ? 'session_expired' : 'unauthenticated', lang));
        return;
      }
      const identity: SocketIdentity = {
        userId: found.session.user.id,
        sessionId: found.session.id,
        isAdmin: found.session.user.isAdmin,
        lang: found.session.user.uiLanguage,
        documents: new Set(),
      };
      const protocol = (socket.handshake.auth as { protocol?: unknown } | undefined)?.protocol;
      // A page loaded before an upgrade speaks an older version of the events: it reloads (client_outdated).
      if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
        ctx.log.info({ channel: 'socket.io', protocol: String(protocol).slice(0, 20) }, 'socket.io connection refused: client of another protocol version');
        next(handshakeError('client_outdated', identity.lang));
        return;
      }
      socket.data = identity;
      next();
    } catch (err) {
      ctx.log.error({ err }, 'socket.io authentication failed');
      next(handshakeError('internal', lang));
    }
  };
}
