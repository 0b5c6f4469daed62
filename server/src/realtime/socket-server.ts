import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { Server, type ServerOptions } from 'socket.io';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { checkRequestOrigin, checkUpgradeOrigin } from '../auth/origin';
import { SocketEvent } from '../../../shared/src/protocol';
import { handleDocumentChannel, leaveDelegationRooms, leaveDocument, placeInRooms } from './document-channel';
import { identityOf, socketAuthentication, type AppServer, type AppSocket } from './socket-auth';
import { refuseUpgrade } from '../http/refuse-upgrade';
import { startSessionSweeper } from './session-sweeper';
import type { ExclusiveRunner } from '../collab/document-registry';

interface EngineWithUpgrade {
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
}

/**
 * socket.io for application events (never Yjs traffic), on the same HTTP server.
 * Handshake: Origin (every websocket upgrade must carry an allowed one; polling requests may not
 * carry a foreign one) → session cookie → events. A session that ends, a disabled account or a
 * changed membership reaches every open socket of that person at once.
 */
export function attachSocketServer(
  ctx: AppContext,
  httpServer: http.Server,
  /** Several nodes: the redis-streams-adapter and connection state recovery, and one node sweeping sessions (server/src/scale/scale-out.ts). */
  cluster: { socketOptions?: Pick<Partial<ServerOptions>, 'adapter' | 'connectionStateRecovery'>; exclusive?: ExclusiveRunner | null } = {},
): AppServer {
  const log = ctx.log.child({ component: 'socket.io' });
  const io: AppServer = new Server(httpServer, {
    ...cluster.socketOptions,
    serveClient: false,
    maxHttpBufferSize: 1e6,
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const ok = checkRequestOrigin(ctx, req);
      if (!ok) log.warn({ origin: req.headers.origin ?? null }, 'socket.io handshake refused: origin not allowed');
      callback(ok ? null : 'origin not allowed', ok);
    },
  });

  // engine.io asks allowRequest only at the handshake; websocket upgrades (with or without a
  // session id) are checked here, and refused with an HTTP answer before the upgrade.
  const engine = io.engine as unknown as EngineWithUpgrade;
  const handleUpgrade = engine.handleUpgrade.bind(engine);
  engine.handleUpgrade = (req, socket, head) => {
    if (!checkUpgradeOrigin(ctx, req)) {
      log.warn({ origin: req.headers.origin ?? null }, 'socket.io upgrade refused: origin not allowed');
      refuseUpgrade(socket, req, new AppError('origin_not_allowed'));
      return;
    }
    handleUpgrade(req, socket, head);
  };

  io.use(socketAuthentication(ctx));
  io.on('connection', (socket) => handleDocumentChannel(ctx, socket));

  const socketsWhere = (predicate: (socket: AppSocket) => boolean): AppSocket[] => [...io.of('/').sockets.values()].filter(predicate);
  const end = (sockets: AppSocket[], reason: 'session_ended' | 'account_disabled') => {
    for (const socket of sockets) {
      // To this socket, through this node only: with connection state recovery (several nodes) a plain
      // emit goes through the adapter first, and the disconnect below would overtake it.
      io.local.to(socket.id).emit(SocketEvent.SessionEnded, { reason });
      socket.disconnect(true);
    }
  };
  ctx.events.on('session.ended', ({ sessionId }) =>
    end(
      socketsWhere((s) => identityOf(s).sessionId === sessionId),
      'session_ended',
    ),
  );
  ctx.events.on('user.disabled', ({ userId }) =>
    end(
      socketsWhere((s) => identityOf(s).userId === userId),
      'account_disabled',
    ),
  );
  // The change has committed when this runs: the delegation rooms are left at once (synchronously, so
  // no note committed after the change reaches the old audience), then the new membership is read and
  // the rooms it may read are joined. Re-checks of one socket run one after another, so the last
  // change read is the one that stays.
  const rechecks = new WeakMap<AppSocket, Promise<void>>();
  ctx.events.on('membership.changed', ({ userId, documentId }) => {
    for (const socket of socketsWhere((s) => identityOf(s).userId === userId && identityOf(s).documents.has(documentId))) {
      leaveDelegationRooms(socket, documentId);
      const recheck = (rechecks.get(socket) ?? Promise.resolve()).then(() =>
        placeInRooms(ctx, socket, documentId, null).then(
          () => {
            socket.emit(SocketEvent.AccessChanged, { documentId, removed: false });
          },
          () => {
            leaveDocument(socket, documentId);
            socket.emit(SocketEvent.AccessChanged, { documentId, removed: true });
          },
        ),
      );
      rechecks.set(socket, recheck);
    }
  });

  const sweeper = startSessionSweeper(ctx, () => [...new Set(socketsWhere(() => true).map((s) => identityOf(s).sessionId))], cluster.exclusive ?? null);
  httpServer.once('close', () => sweeper.stop());
  return io;
}
