import * as Y from 'yjs';
import { CloseCode } from '../../shared/src/protocol';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { createDocument } from '../utils/factories';
import { clientOrigin, seedClauses } from '../utils/clause-edits';
import { collabFrame, openRawSocket } from '../utils/raw-collab-socket';
import { storedState } from '../utils/collab-document-state';
import { clauseFragment } from '../../shared/src/index';

const LIMIT = 64 * 1024;
let server: TestServer;
let documentId: string;
let observer: CollabClient;

beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1', COLLAB_MAX_FRAME_BYTES: String(LIMIT) });
  documentId = await createDocument(server.concordia.db.pool);
  observer = connectClient(server.wsUrl, documentId);
  await observer.synced();
  seedClauses(observer.doc, 1);
  await waitFor(async () => (await storedState(server.concordia.db.pool, documentId)).rows > 0, 'the seeded clause to be stored');
  await server.concordia.collab.updateLog.whenIdle();
});
afterAll(async () => {
  observer.destroy();
  await server.stop();
});

/** A real update that pastes `length` characters into clause c0, framed for the wire. */
function pasteFrame(length: number): Uint8Array {
  const author = new Y.Doc();
  Y.applyUpdate(author, Y.encodeStateAsUpdate(observer.doc));
  let update: Uint8Array = new Uint8Array();
  author.on('update', (u: Uint8Array) => {
    update = u;
  });
  author.transact(() => {
    const paragraph = clauseFragment(author, 'c0', 'en').get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'x'.repeat(length));
  }, clientOrigin);
  return collabFrame.update(update);
}

it('a frame one byte above COLLAB_MAX_FRAME_BYTES closes the socket with 1009 and changes nothing', async () => {
  const before = await storedState(server.concordia.db.pool, documentId);
  let frame = pasteFrame(LIMIT);
  frame = frame.slice(0, LIMIT + 1);
  expect(frame.byteLength).toBe(LIMIT + 1);
  const socket = openRawSocket(server.wsUrl, documentId);
  await socket.opened;
  socket.send(frame);
  expect((await socket.waitForClose()).code).toBe(CloseCode.MessageTooBig);
  expect(observer.provider.wsconnected).toBe(true);
  expect(await storedState(server.concordia.db.pool, documentId)).toEqual(before);
});

it('a message above the limit sent as many small fragments also closes with 1009', async () => {
  const before = await storedState(server.concordia.db.pool, documentId);
  const socket = openRawSocket(server.wsUrl, documentId);
  await socket.opened;
  const chunk = new Uint8Array(4096);
  for (let sent = 0; sent <= LIMIT; sent += chunk.byteLength) socket.ws.send(chunk, { binary: true, fin: false });
  socket.ws.send(chunk, { binary: true, fin: true });
  expect((await socket.waitForClose()).code).toBe(CloseCode.MessageTooBig);
  expect(await storedState(server.concordia.db.pool, documentId)).toEqual(before);
});

it('a real update just under the limit is accepted, stored and relayed', async () => {
  const before = await storedState(server.concordia.db.pool, documentId);
  const frame = pasteFrame(LIMIT - 200);
  expect(frame.byteLength).toBeLessThanOrEqual(LIMIT);
  const socket = openRawSocket(server.wsUrl, documentId);
  await socket.opened;
  socket.send(frame);
  const paragraph = () => (clauseFragment(observer.doc, 'c0', 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  await waitFor(() => paragraph().length > LIMIT - 200, 'the observer to receive the pasted text');
  await server.concordia.collab.updateLog.whenIdle();
  expect((await storedState(server.concordia.db.pool, documentId)).rows).toBe(before.rows + 1);
  socket.close();
});
