import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppContext } from '../context';
import { authenticateCollab } from '../auth/collab-auth';
import type { CollabPrincipal } from './principal';
import { checkUpgradeOrigin } from '../auth/origin';
import { AppError } from '../http/errors';
import { refuseUpgrade } from '../http/refuse-upgrade';
import { CloseCode } from '../../../shared/src/protocol';
import type { DocumentRegistry } from './document-registry';
import type { Logger } from '../logger';
import { DocumentNotFoundError } from './document-store';
import { CollabConnection } from './connection';
import { receiveMessage } from './message-receiver';
import type { UpdateLog } from './update-log';
import type { CollabDocument } from './collab-document';

const PATH = /^\/collab\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
const HEARTBEAT_MS = 30_000;

export interface CollabServer {
  registry: DocumentRegistry;
  updateLog: UpdateLog;
  connectionCount(): number;
  close(): Promise<void>;
}

/** Refuses an upgrade with an HTTP answer before any websocket exists. */
function refuse(socket: Duplex, req: http.IncomingMessage, error: AppError): void {
  refuseUpgrade(socket, req, error);
}

/**
 * The collab endpoint: `ws(s)://HOST/collab/<documentId>`, the standard y-websocket protocol.
 * Upgrade pipeline: path → Origin → authenticate + authorize → load the document (once) → upgrade.
 */
export function attachCollab(ctx: AppContext, httpServer: http.Server, parts: { registry: DocumentRegistry; updateLog: UpdateLog; log: Logger }): CollabServer {
  const { registry, updateLog, log } = parts;
  const wss = new WebSocketServer({ noServer: true, maxPayload: ctx.env.COLLAB_MAX_FRAME_BYTES, perMessageDeflate: false });
  const connections = new Map<CollabConnection, CollabDocument>();
  /** Sockets per person, open or being upgraded: at most COLLAB_MAX_CONNECTIONS_PER_USER. */
  const perUser = new Map<string, number>();
  const release = (userId: string | null) => {
    if (userId === null) return;
    const left = (perUser.get(userId) ?? 1) - 1;
    if (left > 0) perUser.set(userId, left);
    else perUser.delete(userId);
  };
  let closing = false;

  httpServer.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/collab')) return; // socket.io handles its own path
    void handleUpgrade(req, socket, head, url);
  });

  async function handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    socket.on('error', () => socket.destroy());
    if (closing) {
      refuse(socket, req, new AppError('document_unavailable'));
      return;
    }
    const match = PATH.exec(url.pathname);
    if (!match) {
      refuse(socket, req, new AppError('not_found'));
      return;
    }
    const documentId = match[1].toLowerCase();
    if (!checkUpgradeOrigin(ctx, req)) {
      log.warn({ origin: req.headers.origin ?? null, documentId }, 'collab upgrade refused: origin not allowed');
      refuse(socket, req, new AppError('origin_not_allowed'));
      return;
    }
    let principal: CollabPrincipal;
    let document: CollabDocument;
    try {
      principal = await authenticateCollab(ctx, req, documentId);
    } catch (err) {
      refuseFailed(err);
      return;
    }
    const userId = principal.userId;
    if (userId !== null) {
      const open = perUser.get(userId) ?? 0;
      const limit = ctx.env.COLLAB_MAX_CONNECTIONS_PER_USER;
      if (open >= limit) {
        log.warn({ documentId, userId, open }, 'collab upgrade refused: too many connections for one person');
        refuse(socket, req, new AppError('too_many_connections', { limit }));
        return;
      }
      perUser.set(userId, open + 1);
    }
    try {
      document = await registry.open(documentId);
    } catch (err) {
      release(userId);
      refuseFailed(err);
      return;
    }
    // Released when the websocket closes, or when the socket ends before it became one.
    let upgraded = false;
    socket.once('close', () => {
      if (!upgraded) release(userId);
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      upgraded = true;
      ws.once('close', () => release(userId));
      accept(ws, principal, document);
    });

    function refuseFailed(err: unknown): void {
      if (err instanceof AppError) {
        log.warn({ documentId, code: err.code }, 'collab upgrade refused');
        refuse(socket, req, err);
      } else if (err instanceof DocumentNotFoundError) {
        refuse(socket, req, new AppError('not_found'));
      } else {
        log.error({ err, documentId }, 'document could not be loaded; upgrade refused');
        refuse(socket, req, new AppError('document_unavailable'));
      }
    }
  }

  function accept(ws: WebSocket, principal: CollabPrincipal, document: CollabDocument): void {
    const connection = new CollabConnection(ws, principal, log);
    connections.set(connection, document);
    const claimedElsewhere = (clientId: number) => {
      for (const other of document.connections) if (other !== connection && other.awarenessClients.has(clientId)) return true;
      return false;
    };
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        connection.close(CloseCode.BadMessage, 'text frames are not part of the protocol');
        return;
      }
      receiveMessage(document, connection, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), claimedElsewhere);
    });
    ws.on('pong', () => {
      connection.alive = true;
    });
    ws.on('error', (err) => {
      const code = (err as Error & { code?: string }).code;
      connection.log.warn({ err: err.message, code }, 'collab socket error');
      if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') connection.close(CloseCode.MessageTooBig, 'frame above the limit');
    });
    ws.on('close', () => {
      connection.closed = true;
      connection.step1.cancel();
      connections.delete(connection);
      document.removeConnection(connection);
      void registry.release(document);
    });
    document.addConnection(connection);
    connection.log.info({ role: principal.role, canWrite: principal.canWrite && document.writable }, 'collab connection opened');
  }

  const heartbeat = setInterval(() => {
    for (const connection of connections.keys()) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const closeWhere = (predicate: (p: CollabPrincipal) => boolean, code: (typeof CloseCode)[keyof typeof CloseCode], reason: string) => {
    for (const connection of connections.keys()) if (predicate(connection.principal)) connection.close(code, reason);
  };
  ctx.events.on('session.ended', ({ sessionId }) => closeWhere((p) => p.sessionId === sessionId, CloseCode.SessionEnded, 'session ended'));
  ctx.events.on('user.disabled', ({ userId }) => closeWhere((p) => p.userId === userId, CloseCode.SessionEnded, 'account disabled'));
  ctx.events.on('membership.changed', ({ userId, documentId }) =>
    closeWhere((p) => p.userId === userId && p.documentId === documentId, CloseCode.Forbidden, 'membership changed'),
  );

  return {
    registry,
    updateLog,
    connectionCount: () => connections.size,
    async close() {
      closing = true;
      clearInterval(heartbeat);
      await updateLog.whenIdle();
      for (const connection of connections.keys()) connection.close(CloseCode.ServerShutdown, 'server shutting down');
      await registry.closeAll();
      await updateLog.close();
      wss.close();
    },
  };
}
