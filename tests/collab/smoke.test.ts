import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { createDocument, docFromDatabase } from '../utils/factories';
import { documentJSON, seedClauses, typeInto } from '../utils/clause-edits';
import { clauseOrder } from '../../shared/src/yjs-layout';

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
  const [clause] = seedClauses(a.doc, 1);
  await waitFor(() => clauseOrder(b.doc).length === 1, 'the clause to reach b');
  typeInto(a.doc, clause, 'en', 'hello ');
  typeInto(b.doc, clause, 'es', 'hola ');
  await waitFor(() => JSON.stringify(documentJSON(a.doc)) === JSON.stringify(documentJSON(b.doc)), 'convergence');
  await server.concordia.collab.updateLog.whenIdle();
  const stored = await docFromDatabase(server.concordia.db.pool, documentId);
  expect(documentJSON(stored)).toEqual(documentJSON(a.doc));
  expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(a.doc));
  a.destroy();
  b.destroy();
});
