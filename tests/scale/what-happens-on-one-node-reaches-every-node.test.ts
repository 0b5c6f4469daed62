/**
 * Issue 17: socket.io events cross nodes through the redis-streams-adapter, and the facts that close
 * or turn sockets read-only (server/src/scale/cluster-facts.ts) take effect on every node within one
 * second, through the same code a single node runs: a comment opened and an approval recorded on node
 * A reach a socket on node B; a sign-out or a membership removed on A closes B's sockets; a freeze on A
 * refuses B's writers.
 */
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { itWithPostgres, nodeCluster, type ClusterNode } from '../utils/spawn-nodes';
import { connectClient } from '../utils/collab-client';
import { connectRealtime, joinDocument } from '../utils/realtime-client';
import { collabFrame, deniedReason, kindOf, oneChange, openRawSocket } from '../utils/raw-collab-socket';
import { DEMO_EMAILS, requestAs, signIn, type Person } from '../utils/people';
import { waitFor } from '../utils/wait';
import { anchorOn } from '../integration/comments/support';
import { clauseTextState } from '../../shared/src/approval-status';

/**
 * How long a fact may take to reach the other node before the test fails: generous, since the machine is
 * shared. The one-second target of issue 17 is a figure to measure, not a timed assertion.
 */
const WAIT_MS = 10_000;
import { clauseFragment, clauseIdFromKey, clauseOrder } from '../../shared/src/yjs-layout';
import { SocketEvent } from '../../shared/src/protocol';
import { DEMO_SLUG } from '../../server/src/demo/seed-demo';

jest.setTimeout(120_000);

const LANGUAGES = ['en', 'es'] as const;
const DELEGATES: Record<string, string> = { US: DEMO_EMAILS.us, SV: DEMO_EMAILS.sv, GT: DEMO_EMAILS.gt, HN: DEMO_EMAILS.hn };

const cluster = nodeCluster();
let a: ClusterNode;
let b: ClusterNode;
let documentId: string;
let participants: Record<string, string>;
const sockets: Socket[] = [];

beforeAll(async () => {
  [a, b] = await cluster.start(2, { DEMO: '1' });
  const pool = cluster.pool();
  documentId = (await pool.query<{ id: string }>('SELECT id FROM documents WHERE slug = $1', [DEMO_SLUG])).rows[0].id;
  const { rows } = await pool.query<{ id: string; code: string }>('SELECT id, code FROM participants WHERE document_id = $1', [documentId]);
  participants = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(() => {
  for (const socket of sockets) socket.close();
});

/** The person's socket.io connection to `node`, joined to the demo document's rooms. */
async function socketOn(node: ClusterNode, person: Person): Promise<Socket> {
  const socket = await connectRealtime(node.url, person.cookie);
  sockets.push(socket);
  await joinDocument(socket, documentId, person.email);
  return socket;
}

function nextEvent<T>(socket: Socket, event: string, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no ${event} within 5 s`)), 5000);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

itWithPostgres('a comment opened and an approval recorded on node A reach a socket on node B', async () => {
  const secretariatOnA = await signIn(a, DEMO_EMAILS.secretariat);
  const gtOnA = await signIn(a, DEMO_EMAILS.gt);
  const hnOnB = await signIn(b, DEMO_EMAILS.hn);
  const socket = await socketOn(b, hnOnB);
  const reader = connectClient(a.wsUrl, documentId);
  cluster.clients.push(reader);
  await reader.synced();
  const clauseId = clauseIdFromKey(documentId, 'trafficking-intent');

  const thread = nextEvent<{ thread: { id: string } }>(socket, SocketEvent.CommentThreadChanged, 'the comment on node B');
  const opened = await secretariatOnA.request('POST', `/api/documents/${documentId}/comments`, {
    clauseId,
    language: 'en',
    anchor: anchorOn(reader.doc, clauseId, 'en', 'human trafficking'),
    body: 'Seen from the other node?',
  });
  expect(opened.status).toBe(201);
  expect((await thread).thread.id).toBe(opened.body.thread.id);

  const approval = nextEvent<{ clauseId: string; participantId: string }>(socket, SocketEvent.ApprovalRecorded, 'the approval on node B');
  const approved = await gtOnA.request('POST', `/api/documents/${documentId}/clauses/${clauseId}/approvals`, {
    participantId: participants.GT,
    fingerprint: clauseTextState(reader.doc, clauseId, LANGUAGES).fingerprint,
    acknowledgeConcordance: true,
  });
  expect(approved.status).toBe(201);
  expect(await approval).toMatchObject({ documentId, approval: { clauseId, participantId: participants.GT } });
});

itWithPostgres('a sign-out on node A closes the person’s sockets on node B', async () => {
  const usOnB = await signIn(b, DEMO_EMAILS.us);
  const socket = await socketOn(b, usOnB);
  const collab = openRawSocket(b.wsUrl, documentId, { cookie: usOnB.cookie });
  await collab.opened;
  const ended = nextEvent<{ reason: string }>(socket, SocketEvent.SessionEnded, 'the sign-out on node B');
  const out = await requestAs(a, usOnB, 'POST', '/api/auth/logout');
  expect(out.status).toBeLessThan(300);
  expect((await ended).reason).toBe('session_ended');
  await collab.waitForClose(WAIT_MS);
});

itWithPostgres('a member removed on node A loses the document on node B', async () => {
  const secretariat = await signIn(a, DEMO_EMAILS.secretariat);
  const observerOnB = await signIn(b, DEMO_EMAILS.observer);
  const socket = await socketOn(b, observerOnB);
  const collab = openRawSocket(b.wsUrl, documentId, { cookie: observerOnB.cookie });
  await collab.opened;
  const { rows } = await cluster
    .pool()
    .query<{ id: string }>('SELECT id FROM memberships WHERE document_id = $1 AND user_id = $2', [documentId, observerOnB.userId]);
  const access = nextEvent<{ documentId: string; removed: boolean }>(socket, SocketEvent.AccessChanged, 'the removal on node B');
  const removed = await secretariat.request('DELETE', `/api/documents/${documentId}/memberships/${rows[0].id}`);
  expect(removed.status).toBe(204);
  expect((await collab.waitForClose(WAIT_MS)).code).toBe(4403);
  expect(await access).toEqual({ documentId, removed: true });
});

itWithPostgres('while a client on node B types, an archive on node A lets no update of B’s be stored after it commits', async () => {
  const secretariat = await signIn(a, DEMO_EMAILS.secretariat);
  const copy = await secretariat.request('POST', `/api/documents/${documentId}/duplicate`, {
    title: { en: 'Race copy', es: 'Copia de la carrera' },
    text: true,
  });
  expect(copy.status).toBe(201);
  const raceId: string = copy.body.document.id;
  const writer = connectClient(b.wsUrl, raceId);
  const reader = connectClient(b.wsUrl, raceId);
  cluster.clients.push(writer, reader);
  await Promise.all([writer.synced(), reader.synced()]);
  const clauseId = clauseOrder(writer.doc)[0];
  const paragraph = clauseFragment(writer.doc, clauseId, 'en').get(0) as Y.XmlElement;
  const text = paragraph.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText)!;
  let typed = 0;
  const typing = setInterval(() => text.insert(text.length, ` ~${typed++}~`), 2);
  const newest = async () =>
    Number((await cluster.pool().query<{ id: string | null }>('SELECT max(id) AS id FROM document_updates WHERE document_id = $1', [raceId])).rows[0].id ?? 0);
  try {
    await waitFor(async () => (await newest()) > 0 && typed > 20, 'B’s writer to be storing edits');
    const factsBefore = (await b.readyz()).body.cluster!.facts;
    const archived = await secretariat.request('POST', `/api/documents/${raceId}/archive`, { confirm: true });
    expect(archived.status).toBe(200);
    const atArchive = await newest();
    await waitFor(async () => (await b.readyz()).body.cluster!.facts.applied > factsBefore.applied, 'node B to hear of the archive');
    const typedBefore = typed;
    await waitFor(() => typed > typedBefore + 20, 'B’s writer to keep typing after it');
    // Nothing committed after the archive: B's commits in flight were refused by the fence, later ones in memory.
    expect(await newest()).toBe(atArchive);
  } finally {
    clearInterval(typing);
  }
  // B's other client never got anything PostgreSQL lacks, and has everything it holds once it resynced.
  await reader.synced();
  const stored = (await cluster.stage.database.docFromDatabase(raceId))!;
  const before = Y.encodeStateVector(stored);
  Y.applyUpdate(stored, Y.encodeStateAsUpdate(reader.doc));
  expect(Y.encodeStateVector(stored)).toEqual(before);
});

itWithPostgres('a freeze on node A refuses writers on node B, and their edits are never applied', async () => {
  const secretariat = await signIn(a, DEMO_EMAILS.secretariat);
  const delegates = Object.fromEntries(await Promise.all(Object.entries(DELEGATES).map(async ([code, email]) => [code, await signIn(a, email)] as const)));
  const reader = connectClient(a.wsUrl, documentId);
  cluster.clients.push(reader);
  await reader.synced();
  for (const clauseId of clauseOrder(reader.doc)) {
    const state = clauseTextState(reader.doc, clauseId, LANGUAGES);
    const confirmed = await secretariat.request('POST', `/api/documents/${documentId}/clauses/${clauseId}/concordance`, {
      languageHashes: state.languageHashes,
    });
    expect(confirmed.status).toBe(201);
    for (const code of Object.keys(DELEGATES)) {
      const answer = await delegates[code].request('POST', `/api/documents/${documentId}/clauses/${clauseId}/approvals`, {
        participantId: participants[code],
        fingerprint: state.fingerprint,
        acknowledgeConcordance: true,
      });
      if (answer.status !== 201 && answer.body?.error?.code !== 'approval_exists')
        throw new Error(`approval ${clauseId} ${code}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
  // A writer on node B, synced.
  const writer = openRawSocket(b.wsUrl, documentId);
  await writer.opened;
  writer.send(collabFrame.syncStep1());
  await writer.waitForFrame((f) => kindOf(f) === 'sync-step2', 'the writer on B to be synced');

  const frozen = await secretariat.request('POST', `/api/documents/${documentId}/freeze`, { confirm: true });
  expect(frozen.status).toBe(201);
  const denial = await writer.waitForFrame((f) => kindOf(f) === 'auth-denied', 'node B to tell its writer the document is frozen', WAIT_MS);
  expect(deniedReason(denial)).toMatch(/frozen/);

  // An edit sent to node B now is refused there: nobody ever gets it, and PostgreSQL never holds it.
  const denials = writer.frames.filter((f) => kindOf(f) === 'auth-denied').length;
  writer.send(collabFrame.update(oneChange('written on B after the freeze')));
  await waitFor(() => writer.frames.filter((f) => kindOf(f) === 'auth-denied').length > denials, 'node B to refuse the edit');
  const fresh = connectClient(b.wsUrl, documentId);
  cluster.clients.push(fresh);
  await fresh.synced();
  const stored = (await cluster.stage.database.docFromDatabase(documentId))!;
  for (const doc of [fresh.doc, stored, reader.doc]) expect(JSON.stringify(doc.getMap('clauses').toJSON())).not.toContain('written on B after the freeze');
  expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(stored));
  writer.close();
});
