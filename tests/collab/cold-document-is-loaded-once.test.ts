import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { createDocument } from '../utils/factories';
import { documentJSON, seedClauses } from '../utils/clause-edits';
import { interceptQueries } from '../utils/pool-faults';
import { sleep } from '../utils/wait';

let server: TestServer;
process.setMaxListeners(100); // every y-websocket provider listens to process 'exit'
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

it('50 clients joining a cold document at once share one load and all receive its text', async () => {
  const pool = server.concordia.db.pool;
  const original = new Y.Doc();
  seedClauses(original, 5);
  const documentId = await createDocument(pool, { initialState: Y.encodeStateAsUpdate(original) });
  const loadsBefore = server.concordia.collab.registry.stats.loads;
  let reads = 0;
  // Slow the read of the update log down, so that every join arrives while the load is in flight.
  const restore = interceptQueries(pool, (text, values) => {
    if (!text.includes('FROM document_updates') || values?.[0] !== documentId) return undefined;
    reads += 1;
    return sleep(300);
  });
  try {
    for (let i = 0; i < 50; i += 1) clients.push(connectClient(server.wsUrl, documentId));
    await Promise.all(clients.map((c) => c.synced()));
  } finally {
    restore();
  }
  expect(server.concordia.collab.registry.stats.loads - loadsBefore).toBe(1);
  expect(reads).toBe(1);
  const expected = documentJSON(original);
  for (const client of clients) expect(documentJSON(client.doc)).toEqual(expected);
});
