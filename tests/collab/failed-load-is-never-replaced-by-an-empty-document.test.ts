import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { createDocument } from '../utils/factories';
import { documentJSON, seedClauses } from '../utils/clause-edits';
import { openRawSocket } from '../utils/raw-collab-socket';
import { storedState } from '../utils/collab-document-state';
import { interceptQueries } from '../utils/pool-faults';
import { sleep } from '../utils/wait';

let server: TestServer;
const clients: CollabClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1' });
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.stop();
});

it('a document whose load fails refuses every waiting joiner with 503 and is loaded whole on the next try, never as an empty one', async () => {
  const pool = server.concordia.db.pool;
  const original = new Y.Doc();
  seedClauses(original, 4);
  const documentId = await createDocument(pool, { initialState: Y.encodeStateAsUpdate(original) });
  const before = await storedState(pool, documentId);

  // The read of the update log fails once, after a moment, so that several joiners wait on that one load.
  let failures = 0;
  const restore = interceptQueries(pool, (text, values) => {
    if (failures > 0 || !text.includes('FROM document_updates') || values?.[0] !== documentId) return undefined;
    failures += 1;
    return sleep(200).then(() => {
      throw new Error('injected: connection reset while reading document_updates');
    });
  });
  const joiners = Array.from({ length: 5 }, () => openRawSocket(server.wsUrl, documentId));
  try {
    const outcomes = await Promise.allSettled(joiners.map((j) => j.opened));
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason.message) : 'opened'))).toEqual(Array(5).fill('upgrade refused with HTTP 503'));
  } finally {
    restore();
    for (const joiner of joiners) joiner.close();
  }
  expect(failures).toBe(1);
  expect(await server.concordia.collab.registry.peek(documentId)).toBeNull();

  const client = connectClient(server.wsUrl, documentId);
  clients.push(client);
  await client.synced();
  expect(documentJSON(client.doc)).toEqual(documentJSON(original));
  await server.concordia.collab.updateLog.whenIdle();
  expect(await storedState(pool, documentId)).toEqual(before);
});
