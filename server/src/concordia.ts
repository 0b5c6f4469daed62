import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server as SocketServer } from 'socket.io';
import type { Env } from './config/env';
import { createLogger, type Logger } from './logger';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { createApp } from './app';
import { seedDemo, type DemoSeedResult } from './demo/seed-demo';
import { EventBus } from './events';
import type { AppContext } from './context';
import { apiRouters } from './routes';
import { attachSocketServer } from './realtime/socket-server';
import { relayApprovalEvents } from './realtime/approval-broadcasts';
import { relayCommentEvents } from './realtime/comment-broadcasts';
import { attachCollab, type CollabServer } from './collab/collab-server';
import { DocumentRegistry } from './collab/document-registry';
import { LiveDocuments } from './collab/live-documents';
import { recordTabledProposals } from './proposals/record-tabled';
import { EditActivity } from './versions/edit-activity';
import { UpdateLog } from './collab/update-log';
import { relayVersionEvents } from './realtime/version-broadcasts';
import { relaySignatureEvents } from './realtime/signature-broadcasts';
import { relayProposalEvents } from './realtime/proposal-broadcasts';
import { relayPackageEvents } from './packages/package-broadcasts';
import { relayNumberingEvents } from './numbering/numbering-broadcasts';
import { startAutomaticVersions } from './versions/automatic-versions';
import { startNotifications, type Notifications } from './notifications/start-notifications';
import { relayNotificationEvents } from './realtime/notification-broadcasts';
import type { ScaleOut } from './scale/scale-out';

export interface ConcordiaOptions {
  env: Env;
  log?: Logger;
  /** Tests isolate themselves in a schema of their own. */
  schema?: string;
}

export interface Concordia {
  env: Env;
  log: Logger;
  db: Database;
  ctx: AppContext;
  collab: CollabServer;
  /** socket.io: application events, rooms per document and per delegation. */
  io: SocketServer;
  httpServer: http.Server;
  demo: DemoSeedResult | null;
  /** What concerns each person, told in the app, live and by mail (server/src/notifications/). */
  notifications: Notifications;
  /** With REDIS_URL: this node's part among several (server/src/scale/); null on a single node. */
  scale: ScaleOut | null;
  listen(): Promise<AddressInfo>;
  stop(): Promise<void>;
}

/** Builds the whole platform on one http.Server: Express (REST + client), socket.io, the collab endpoint. */
export async function createConcordia(options: ConcordiaOptions): Promise<Concordia> {
  const { env } = options;
  const log = options.log ?? createLogger(env.LOG_LEVEL);
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE, schema: options.schema, log });
  try {
    await migrate(db.pool, log);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  const demo = env.DEMO ? await seedDemo(db.pool, { password: env.DEMO_PASSWORD, log }) : null;

  // The live documents come first: every router, command and channel reaches them through one gateway.
  const collabLog = log.child({ component: 'collab' });
  // Several nodes: a commit checks the document is still a draft (another node may have just frozen it).
  const updateLog = new UpdateLog(db.pool, collabLog, Boolean(env.REDIS_URL));
  const editActivity = new EditActivity({ pool: db.pool, log: collabLog }, env.ACTIVITY_EDIT_WINDOW_SECONDS * 1000);
  const registry = new DocumentRegistry(db.pool, updateLog, collabLog, env.COMPACT_AFTER_UPDATES, {
    proposalsTabled: (documentId, proposals, author) => void recordTabledProposals(ctx, documentId, proposals, author),
    clientEdited: (documentId, edit, userId) => {
      editActivity.record(documentId, edit, userId);
      notifications.textChanged(documentId, userId);
    },
  });
  const ctx: AppContext = { env, log, pool: db.pool, events: new EventBus(), documents: new LiveDocuments(registry, db.pool, collabLog) };
  // Several nodes: set before any document is opened, so every copy follows the others from its load.
  const { REDIS_URL } = env;
  // Loaded only then: ioredis and the scale-out code cost a single node ~15 MiB it never uses (docs/performance.md).
  const scale = REDIS_URL ? await (await import('./scale/scale-out')).startScaleOut({ env: { ...env, REDIS_URL }, pool: db.pool, log, registry }) : null;
  scale?.start(ctx);
  const app = createApp({ pool: db.pool, log, trustProxy: env.TRUST_PROXY, api: apiRouters(ctx), clusterHealth: scale ? () => scale.health() : null });
  const httpServer = http.createServer(app);
  // Idle keep-alive connections live longer than a client's or a proxy's (60 s is the common proxy
  // idle timeout), so the client, not the server, closes them: with Node's 5 s default a request
  // sent on a connection the server was closing at that instant failed with ECONNRESET.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const io = attachSocketServer(ctx, httpServer, scale ? { socketOptions: scale.socketOptions, exclusive: scale.exclusive } : {});
  relayApprovalEvents(ctx, io);
  relayCommentEvents(ctx, io);
  relayVersionEvents(ctx, io);
  relaySignatureEvents(ctx, io);
  relayProposalEvents(ctx, io);
  relayPackageEvents(ctx, io);
  relayNumberingEvents(ctx, io);
  relayNotificationEvents(ctx, io);
  const notifications = startNotifications(ctx);
  const collab = attachCollab(ctx, httpServer, { registry, updateLog, log: collabLog });
  const stopAutomaticVersions = startAutomaticVersions(ctx, scale?.exclusive ?? null);

  let stopping: Promise<void> | null = null;
  return {
    env,
    log,
    db,
    ctx,
    collab,
    io,
    httpServer,
    demo,
    notifications,
    scale,
    listen() {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(env.PORT, env.HOST, () => resolve(httpServer.address() as AddressInfo));
      });
    },
    stop() {
      stopping ??= (async () => {
        log.info('shutting down: no new connections, flushing writes');
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await stopAutomaticVersions();
        await notifications.stop();
        await collab.close();
        await editActivity.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        httpServer.closeAllConnections?.();
        await closed;
        await scale?.stop();
        await db.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
}
