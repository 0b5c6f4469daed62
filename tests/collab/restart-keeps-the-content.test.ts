import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { sleep, waitFor } from '../utils/wait';
import { createDocument } from '../utils/factories';
import { documentJSON, randomEdit, seedClauses, waitForConvergence } from '../utils/clause-edits';
import { createRandom } from '../utils/prng';
import { freshSchema, dropSchema } from '../utils/test-db';

const schema = freshSchema('restart');
const servers: TestServer[] = [];
const clients: CollabClient[] = [];
afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const server of servers) await server.stop({ keepSchema: true });
  await dropSchema(schema);
});

// Compaction after 10 updates: the restarted server loads a snapshot plus a tail, not just raw rows.
const start = async () => {
  const server = await startTestServer({ COLLAB_DEV_OPEN: '1', COMPACT_AFTER_UPDATES: '10' }, schema);
  servers.push(server);
  return server;
};

it('a restarted server serves exactly the text its clients had, in both languages, from snapshot and tail', async () => {
  const first = await start();
  const documentId = await createDocument(first.concordia.db.pool);
  const editors = [connectClient(first.wsUrl, documentId), connectClient(first.wsUrl, documentId)];
  clients.push(...editors);
  await Promise.all(editors.map((e) => e.synced()));
  seedClauses(editors[0].doc, 4);
  await waitForConvergence(editors.map((e, i) => ({ name: `editor ${i}`, doc: e.doc })));
  const random = createRandom(2024);
  for (let i = 0; i < 60; i += 1) {
    randomEdit(editors[i % 2].doc, random, `e${i % 2}`, 'c1');
    if (i % 5 === 0) await sleep(2);
  }
  await waitForConvergence(editors.map((e, i) => ({ name: `editor ${i}`, doc: e.doc })));
  await waitFor(() => first.concordia.collab.registry.stats.compactions > 0, 'a compaction');
  const expected = documentJSON(editors[0].doc);
  const expectedVector = Y.encodeStateVector(editors[0].doc);

  for (const editor of clients.splice(0)) editor.destroy();
  await first.stop({ keepSchema: true });
  servers.splice(servers.indexOf(first), 1);

  const second = await start();
  const { rows } = await second.concordia.db.pool.query('SELECT through_update_id FROM document_snapshots WHERE document_id = $1', [documentId]);
  expect(rows).toHaveLength(1);
  const reader = connectClient(second.wsUrl, documentId);
  clients.push(reader);
  await reader.synced();
  expect(documentJSON(reader.doc)).toEqual(expected);
  expect(Y.encodeStateVector(reader.doc)).toEqual(expectedVector);
});
