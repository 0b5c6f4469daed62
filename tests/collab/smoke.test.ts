import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { createDocument, docFromDatabase } from '../utils/factories';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1' });
});
afterAll(async () => {
  await server.stop();
});

it('two stock y-websocket clients converge and PostgreSQL holds the same text', async () => {
  const documentId = await createDocument(server.concordia.db.pool);
  const a = connectClient(server.wsUrl, documentId);
  const b = connectClient(server.wsUrl, documentId);
  await Promise.all([a.synced(), b.synced()]);
  a.doc.getText('t').insert(0, 'hello ');
  b.doc.getText('t').insert(0, 'hola ');
  await waitFor(() => a.doc.getText('t').toString() === b.doc.getText('t').toString() && a.doc.getText('t').length === 11, 'convergence');
  await server.concordia.collab.updateLog.whenIdle();
  const stored = await docFromDatabase(server.concordia.db.pool, documentId);
  expect(stored.getText('t').toString()).toBe(a.doc.getText('t').toString());
  expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(a.doc));
  a.destroy();
  b.destroy();
});
