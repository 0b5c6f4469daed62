/**
 * Frames that are not the protocol — empty, text, unknown types, truncated, trailing bytes, bit
 * flips — close the sender's socket with 4400; the server stays up, keeps serving the others, and
 * the document (in memory and in PostgreSQL) is unchanged.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../shared/src/protocol';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { createDocument } from '../utils/factories';
import { canonicalJSON, documentJSON, seedClauses, typeInto, waitForConvergence } from '../utils/clause-edits';
import { collabFrame, isWellFormedFrame, openRawSocket } from '../utils/raw-collab-socket';
import { documentServedToNewcomer, storedState, type StoredState } from '../utils/collab-document-state';
import { createRandom } from '../utils/prng';

let server: TestServer;
let documentId: string;
let observer: CollabClient;
let before: StoredState;
/** A real edit of the document, never applied: the raw material of the malformed frames. */
let edit: Uint8Array;
let editFrame: Uint8Array;

beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1' });
  documentId = await createDocument(server.concordia.db.pool);
  observer = connectClient(server.wsUrl, documentId);
  await observer.synced();
  seedClauses(observer.doc, 2);
  const open = await server.concordia.collab.registry.peek(documentId);
  await waitForConvergence([
    { name: 'observer', doc: observer.doc },
    { name: 'server', doc: open!.doc },
  ]);
  await server.concordia.collab.updateLog.whenIdle();
  const author = new Y.Doc();
  Y.applyUpdate(author, Y.encodeStateAsUpdate(observer.doc));
  author.on('update', (update: Uint8Array) => {
    edit = update;
  });
  typeInto(author, 'c0', 'es', ' Ninguna Parte podrá retirarse sin aviso previo.');
  editFrame = collabFrame.update(edit);
  before = await storedState(server.concordia.db.pool, documentId);
});
afterAll(async () => {
  observer.destroy();
  await server.stop();
});

/** Sends one frame on a fresh socket and expects: 4400, the observer still connected, nothing changed. */
async function expectRefused(frame: Uint8Array | string): Promise<void> {
  const socket = openRawSocket(server.wsUrl, documentId);
  await socket.opened;
  socket.send(frame);
  const closed = await socket.waitForClose();
  expect(closed.code).toBe(CloseCode.BadMessage);
  expect(observer.provider.wsconnected).toBe(true);
  const served = await documentServedToNewcomer(server.wsUrl, documentId);
  expect(canonicalJSON(documentJSON(served))).toBe(before.text);
  const open = await server.concordia.collab.registry.peek(documentId);
  expect(canonicalJSON(documentJSON(open!.doc))).toBe(before.text);
  expect(await storedState(server.concordia.db.pool, documentId)).toEqual(before);
}

const withType = (...bytes: number[]) => new Uint8Array(bytes);

it.each([
  ['an empty frame', () => new Uint8Array(0)],
  ['a text frame', () => 'hello'],
  ['an unknown message type', () => withType(7, 0, 0)],
  ['a message type too large for a varuint', () => withType(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)],
  ['an auth message from a client', () => withType(2, 0, 0)],
  ['an unknown sync message', () => collabFrame.update(edit, 3)],
  ['a sync message without its payload', () => withType(0, 2)],
  [
    'a payload length beyond the frame',
    () => {
      const f = editFrame.slice();
      f[2] = 0x7f;
      return f.slice(0, 40);
    },
  ],
  ['a sync message with trailing bytes', () => new Uint8Array([...editFrame, 0, 0])],
  ['an undecodable state vector', () => collabFrame.syncStep1(withType(5, 1))],
  [
    'an awareness update with invalid JSON',
    () => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 42);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, '{"user":');
      const outer = encoding.createEncoder();
      encoding.writeVarUint(outer, 1);
      encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
      return encoding.toUint8Array(outer);
    },
  ],
  ['an awareness update cut short', () => collabFrame.awareness([{ clientId: 42, clock: 1, state: { user: 'x' } }]).slice(0, 6)],
])('%s closes the socket with 4400 and changes nothing', async (_name, frame) => {
  const bytes = frame();
  if (typeof bytes !== 'string') expect(isWellFormedFrame(bytes)).toBe(false);
  await expectRefused(bytes);
});

it('an update frame truncated anywhere closes the socket with 4400 and changes nothing', async () => {
  const cuts = [1, 2, 3, Math.floor(editFrame.length / 3), Math.floor(editFrame.length / 2), editFrame.length - 1];
  for (const cut of cuts) await expectRefused(editFrame.slice(0, cut));
});

it('a correctly framed but truncated Yjs update closes the socket with 4400 and changes nothing', async () => {
  for (const cut of [1, 4, Math.floor(edit.length / 2), edit.length - 1]) {
    const frame = collabFrame.update(edit.slice(0, cut));
    expect(isWellFormedFrame(frame)).toBe(false);
    await expectRefused(frame);
  }
});

/**
 * Seeded bit flips in a real update frame. A flip can also yield a different but well-formed
 * update (a changed letter): no protocol can tell that from an honest edit, so the reference
 * decoders sort the flips and only the malformed ones are sent.
 */
it('bit-flipped update frames that no longer decode close the socket with 4400 and change nothing', async () => {
  const random = createRandom(687);
  let sent = 0;
  for (let attempt = 0; attempt < 2000 && sent < 30; attempt += 1) {
    const frame = editFrame.slice();
    const flips = 1 + random.int(3);
    for (let i = 0; i < flips; i += 1) frame[random.int(frame.length)] ^= 1 << random.int(8);
    if (isWellFormedFrame(frame)) continue;
    try {
      await expectRefused(frame);
    } catch (err) {
      (err as Error).message = `bit-flipped frame ${Buffer.from(frame).toString('hex')}: ${(err as Error).message}`;
      throw err;
    }
    sent += 1;
  }
  expect(sent).toBe(30);
});
