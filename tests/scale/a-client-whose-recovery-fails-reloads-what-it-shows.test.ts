/**
 * Issue 17, socket.io across nodes with connection state recovery (server/src/scale/scale-out.ts,
 * @socket.io/redis-streams-adapter): a client cut off while an approval is recorded on another node
 * either recovers (socket.recovered, the missed event replayed) or, when recovery fails (its session
 * gone from Redis), reads its snapshot again — the client's own rule, live-store.ts [L3], driven here
 * by the app's ApprovalsStore on a real socket.io client. Either way the missed approval shows.
 */
import * as Y from 'yjs';
import Redis from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { itWithPostgres, nodeCluster, type ClusterNode } from '../utils/spawn-nodes';
import { connectClient } from '../utils/collab-client';
import { joinDocument } from '../utils/realtime-client';
import { DEMO_EMAILS, signIn, type Person } from '../utils/people';
import { waitFor } from '../utils/wait';
import { ApprovalsStore, type ApprovalsApi } from '../../client/src/approvals/approvals-store';
import type { ApprovalMatrix } from '../../shared/src/api/approvals';
import { clauseTextState } from '../../shared/src/approval-status';
import { clauseIdFromKey } from '../../shared/src/yjs-layout';
import { SocketEvent } from '../../shared/src/protocol';
import { DEMO_SLUG } from '../../server/src/demo/seed-demo';

jest.setTimeout(120_000);

const LANGUAGES = ['en', 'es'] as const;
const cluster = nodeCluster();
let a: ClusterNode;
let b: ClusterNode;
let documentId: string;
let participants: Record<string, string>;
const sockets: Socket[] = [];
const stops: Array<() => void> = [];

beforeAll(async () => {
  [a, b] = await cluster.start(2, { DEMO: '1' });
  const pool = cluster.pool();
  documentId = (await pool.query<{ id: string }>('SELECT id FROM documents WHERE slug = $1', [DEMO_SLUG])).rows[0].id;
  const { rows } = await pool.query<{ id: string; code: string }>('SELECT id, code FROM participants WHERE document_id = $1', [documentId]);
  participants = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(() => {
  for (const stop of stops) stop();
  for (const socket of sockets) socket.close();
});

/** The app's socket as realtime.tsx opens it (reconnecting, joining the document on every connection), but reconnected by the test. */
async function appSocket(node: ClusterNode, person: Person): Promise<Socket> {
  const socket = io(node.url, { transports: ['websocket'], extraHeaders: { origin: node.url, cookie: person.cookie }, reconnection: false, forceNew: true });
  sockets.push(socket);
  // useDocumentChannel joins again on every connection (harmless when the rooms were recovered).
  socket.on('connect', () => void joinDocument(socket, documentId, person.email).catch(() => undefined));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  await joinDocument(socket, documentId, person.email);
  return socket;
}

/** The app's approvals store, reading GET /approvals as `person` (on the node they signed in to), following `socket`. */
async function approvalsStore(person: Person, socket: Socket): Promise<ApprovalsStore> {
  const api = {
    async fetchMatrix(): Promise<ApprovalMatrix> {
      const answer = await person.request('GET', `/api/documents/${documentId}/approvals`);
      if (answer.status !== 200) throw new Error(`GET /approvals: ${answer.status}`);
      return answer.body as ApprovalMatrix;
    },
  } as unknown as ApprovalsApi; // only reads: this test records approvals through another node's REST
  const store = new ApprovalsStore(documentId, new Y.Doc(), api);
  stops.push(store.start(socket));
  await waitFor(() => store.records.getSnapshot().status === 'ready', 'the approvals to be read');
  return store;
}

const shows = (store: ApprovalsStore, clauseId: string, participantId: string) =>
  store.records.getSnapshot().records.approvals[clauseId]?.[participantId] !== undefined;

/**
 * An approval the socket receives live: a client can recover only from an event it received (the
 * offset it sends back must be in the adapter's stream); one that received none reads again [L3].
 */
async function receivedLive(person: Person, code: string, store: ApprovalsStore): Promise<void> {
  const clauseId = await approve(person, code, 'purpose');
  await waitFor(() => shows(store, clauseId, participants[code]), 'an approval to arrive live');
}

/** Cuts the socket's transport (as a network drop does), runs `meanwhile`, then reconnects it to the same node. */
async function cutOff(socket: Socket, meanwhile: () => Promise<void>): Promise<void> {
  const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  socket.io.engine.close();
  await dropped;
  await meanwhile();
  const back = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.connect();
  await back;
}

async function approve(person: Person, code: string, clauseKey: string): Promise<string> {
  const reader = connectClient(b.wsUrl, documentId);
  cluster.clients.push(reader);
  await reader.synced();
  const clauseId = clauseIdFromKey(documentId, clauseKey);
  const answer = await person.request('POST', `/api/documents/${documentId}/clauses/${clauseId}/approvals`, {
    participantId: participants[code],
    fingerprint: clauseTextState(reader.doc, clauseId, LANGUAGES).fingerprint,
    acknowledgeConcordance: true,
  });
  expect(answer.status).toBe(201);
  return clauseId;
}

itWithPostgres('a client that recovers its connection gets the approval recorded on another node meanwhile', async () => {
  const hn = await signIn(a, DEMO_EMAILS.hn);
  const gt = await signIn(b, DEMO_EMAILS.gt);
  const socket = await appSocket(a, hn);
  const store = await approvalsStore(hn, socket);
  const replayed: unknown[] = [];
  await receivedLive(gt, 'GT', store);
  socket.on(SocketEvent.ApprovalRecorded as never, (event: unknown) => {
    replayed.push(event);
  });
  let clauseId = '';
  await cutOff(socket, async () => {
    clauseId = await approve(gt, 'GT', 'trafficking-intent');
  });
  expect(socket.recovered).toBe(true);
  await waitFor(() => replayed.length > 0, 'the missed approval event to be replayed');
  await waitFor(() => shows(store, clauseId, participants.GT), 'the missed approval to show');
});

itWithPostgres('a client whose recovery fails (its session gone from Redis) reads its snapshot again and shows the approval it missed', async () => {
  const us = await signIn(a, DEMO_EMAILS.us);
  const sv = await signIn(b, DEMO_EMAILS.sv);
  const socket = await appSocket(a, us);
  const store = await approvalsStore(us, socket);
  const replayed: unknown[] = [];
  await receivedLive(sv, 'SV', store);
  socket.on(SocketEvent.ApprovalRecorded as never, (event: unknown) => {
    replayed.push(event);
  });
  let clauseId = '';
  const redis = new Redis(cluster.redis.url);
  try {
    await cutOff(socket, async () => {
      clauseId = await approve(sv, 'SV', 'trafficking-intent');
      // The session the node saved when the socket dropped is lost (as when Redis restarts or trims).
      await waitFor(async () => (await redis.keys('sio:session:*')).length > 0, 'the dropped socket’s session to be saved');
      await redis.del(...(await redis.keys('sio:session:*')));
    });
  } finally {
    redis.disconnect();
  }
  expect(socket.recovered).toBe(false);
  await waitFor(() => shows(store, clauseId, participants.SV), 'the missed approval to show after the snapshot is read again');
  expect(replayed).toEqual([]); // it was never sent: the read showed it
});
