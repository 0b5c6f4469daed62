/**
 * Updates that claim an absurd amount of work (the class of yjs issue 687: a small frame whose
 * counts promise millions of structs, or clocks and delete ranges far beyond any real document) are
 * refused before they touch the document: the sender's socket closes with 4400, nothing is stored,
 * and the server goes on relaying the other clients' edits.
 */
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../shared/src/protocol';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { createDocument } from '../utils/factories';
import { seedClauses, typeInto, waitForConvergence } from '../utils/clause-edits';
import { collabFrame, openRawSocket } from '../utils/raw-collab-socket';
import { documentServedToNewcomer, storedState } from '../utils/collab-document-state';
import { clauseFragment } from '../../shared/src/index';
import * as Y from 'yjs';

const CLIENT = 987654321;
const GC_INFO = 0;

/** A Yjs v1 update written byte by byte: per client a header and GC structs, then a delete set. */
function craftUpdate(write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}
const emptyDeleteSet = (e: encoding.Encoder) => encoding.writeVarUint(e, 0);
const structHeader = (e: encoding.Encoder, structs: number, client: number, clock: number) => {
  encoding.writeVarUint(e, structs);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
};
const gc = (e: encoding.Encoder, length: number) => {
  encoding.writeUint8(e, GC_INFO);
  encoding.writeVarUint(e, length);
};

const absurd: [string, () => Uint8Array][] = [
  [
    'claims a billion structs in a dozen bytes',
    () =>
      craftUpdate((e) => {
        encoding.writeVarUint(e, 1);
        structHeader(e, 2 ** 30, CLIENT, 0);
        gc(e, 1);
        emptyDeleteSet(e);
      }),
  ],
  [
    'claims a hundred million clients',
    () =>
      craftUpdate((e) => {
        encoding.writeVarUint(e, 1e8);
        structHeader(e, 1, CLIENT, 0);
        gc(e, 1);
        emptyDeleteSet(e);
      }),
  ],
  [
    'hides a billion-struct claim behind an honest first client',
    () =>
      craftUpdate((e) => {
        encoding.writeVarUint(e, 2);
        structHeader(e, 1, CLIENT, 0);
        gc(e, 1);
        structHeader(e, 2 ** 30, CLIENT + 1, 0);
        gc(e, 1);
        emptyDeleteSet(e);
      }),
  ],
  [
    'carries more than 100,000 structs',
    () =>
      craftUpdate((e) => {
        encoding.writeVarUint(e, 1);
        structHeader(e, 100_001, CLIENT, 0);
        for (let i = 0; i < 100_001; i += 1) gc(e, 1);
        emptyDeleteSet(e);
      }),
  ],
  [
    'places a struct at a clock of 2^40',
    () =>
      craftUpdate((e) => {
        encoding.writeVarUint(e, 1);
        structHeader(e, 1, CLIENT, 2 ** 40);
        gc(e, 1);
        emptyDeleteSet(e);
      }),
  ],
  [
    'has one struct 2^40 long',
    () =>
      craftUpdate((e) => {
        encoding.writeVarUint(e, 1);
        structHeader(e, 1, CLIENT, 0);
        gc(e, 2 ** 40);
        emptyDeleteSet(e);
      }),
  ],
  [
    'deletes a range 2^40 long',
    () =>
      craftUpdate((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, CLIENT);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2 ** 40);
      }),
  ],
  [
    'carries more than 100,000 delete ranges',
    () =>
      craftUpdate((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, CLIENT);
        encoding.writeVarUint(e, 100_001);
        for (let i = 0; i < 100_001; i += 1) {
          encoding.writeVarUint(e, i * 2);
          encoding.writeVarUint(e, 1);
        }
      }),
  ],
];

let server: TestServer;
let documentId: string;
let alice: CollabClient;
let bob: CollabClient;

beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1' });
  documentId = await createDocument(server.concordia.db.pool);
  alice = connectClient(server.wsUrl, documentId);
  bob = connectClient(server.wsUrl, documentId);
  await Promise.all([alice.synced(), bob.synced()]);
  seedClauses(alice.doc, 1);
  await waitForConvergence([
    { name: 'alice', doc: alice.doc },
    { name: 'bob', doc: bob.doc },
  ]);
  await server.concordia.collab.updateLog.whenIdle();
});
afterAll(async () => {
  alice.destroy();
  bob.destroy();
  await server.stop();
});

const textOf = (doc: Y.Doc) => ((clauseFragment(doc, 'c0', 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText).toString();

it.each(absurd)('an update that %s is refused with 4400 while the others keep editing', async (_name, craft) => {
  const before = await storedState(server.concordia.db.pool, documentId);
  const update = craft();
  expect(update.byteLength).toBeLessThan(1024 * 1024);
  const attacker = openRawSocket(server.wsUrl, documentId);
  await attacker.opened;
  attacker.send(collabFrame.update(update));
  // Bob types while the refusal happens; Alice must receive it, and a newcomer must be served.
  const marker = ` [${_name}]`;
  typeInto(bob.doc, 'c0', 'en', marker);
  expect((await attacker.waitForClose()).code).toBe(CloseCode.BadMessage);
  await waitFor(() => textOf(alice.doc).includes(marker), "Alice to receive Bob's edit");
  const served = await documentServedToNewcomer(server.wsUrl, documentId);
  expect(textOf(served)).toContain(marker);
  await server.concordia.collab.updateLog.whenIdle();
  const after = await storedState(server.concordia.db.pool, documentId);
  expect(after.rows).toBe(before.rows + 1); // Bob's edit, and nothing of the attacker's
  expect(after.stateVector).toEqual([...Y.encodeStateVector(bob.doc)]);
});
