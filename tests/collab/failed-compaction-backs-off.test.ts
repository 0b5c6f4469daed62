/**
 * A compaction that fails (the database refuses a read, the fold thread dies) is tried again later,
 * not on every following update: otherwise each edit to a busy document would re-read its whole
 * snapshot and tail and log another error. Edits go on being stored and relayed meanwhile.
 */
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { createDocument } from '../utils/factories';
import { documentJSON, seedClauses, typeInto } from '../utils/clause-edits';
import { interceptQueries } from '../utils/pool-faults';

let server: TestServer;
const clients: CollabClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1', COMPACT_AFTER_UPDATES: '10' });
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.stop();
});

it('after a failed compaction, twenty more edits start no new attempt, and every edit still reaches the others', async () => {
  const documentId = await createDocument(server.concordia.db.pool);
  const [author, reader] = [connectClient(server.wsUrl, documentId), connectClient(server.wsUrl, documentId)];
  clients.push(author, reader);
  await Promise.all([author.synced(), reader.synced()]);
  seedClauses(author.doc, 1);
  await server.concordia.collab.updateLog.whenIdle();

  let attempts = 0;
  const restore = interceptQueries(server.concordia.db.pool, (text, values) => {
    if (!text.includes('FROM document_snapshots') || values?.[0] !== documentId) return undefined;
    attempts += 1;
    return Promise.reject(new Error('injected: the snapshot cannot be read'));
  });
  const registry = server.concordia.collab.registry;
  try {
    for (let i = 0; i < 12 && attempts === 0; i += 1) {
      typeInto(author.doc, 'c0', 'en', ` first${i}`);
      await server.concordia.collab.updateLog.whenIdle();
    }
    await waitFor(() => attempts === 1 && !registry['compacting'].has(documentId), 'the first compaction to fail');
    for (let i = 0; i < 20; i += 1) {
      typeInto(author.doc, 'c0', 'en', ` more${i}`);
      await server.concordia.collab.updateLog.whenIdle();
    }
    await waitFor(() => JSON.stringify(documentJSON(reader.doc)) === JSON.stringify(documentJSON(author.doc)), 'the reader to have every edit');
    expect(attempts).toBe(1);
    expect(registry['compacting'].has(documentId)).toBe(false);
  } finally {
    restore();
  }
});
