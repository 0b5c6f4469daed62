/**
 * Seeded fuzz of the whole sync loop: stock y-websocket clients make random edits (text, marks,
 * paragraphs, clauses) in both languages while randomly dropping and re-opening their connections;
 * at the end every client, the server's document and PostgreSQL alone must hold the same state.
 *
 * The seed fixes each client's Yjs clientID and the sequence of random choices; network timing is
 * real, so a replay repeats the same intentions, not necessarily the same interleaving.
 */
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { createDocument, docFromDatabase } from '../utils/factories';
import { randomEdit, sameState, seedClauses, waitForConvergence } from '../utils/clause-edits';
import { createRandom } from '../utils/prng';
import { fuzzSeeds, withSeed } from '../utils/fuzz-seeds';
import { sleep } from '../utils/wait';

const STEPS = 50;
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

/** 0 ms yields to pending I/O only; more sleeps. */
const pause = (ms: number) => (ms === 0 ? new Promise((resolve) => setImmediate(resolve)) : sleep(ms));

it.each(fuzzSeeds())('seed %i: random edits in both languages with disconnects and reconnects converge, in PostgreSQL too', (seed) =>
  withSeed(seed, 'tests/collab/sync-fuzz.test.ts', async (trail) => {
    const random = createRandom(seed);
    const pool = server.concordia.db.pool;
    const documentId = await createDocument(pool);
    const count = random.between(2, 4);
    for (let i = 0; i < count; i += 1) {
      const doc = new Y.Doc();
      doc.clientID = seed * 8 + i + 1;
      clients.push(connectClient(server.wsUrl, documentId, { doc }));
    }
    await Promise.all(clients.map((c) => c.synced()));
    const [hot] = seedClauses(clients[0].doc, 3);
    trail.push(`${count} clients; client 0 seeded clauses c0..c2`);

    for (let step = 0; step < STEPS; step += 1) {
      const index = random.int(count);
      const client = clients[index];
      if (random.chance(0.08)) {
        if (client.provider.shouldConnect) client.provider.disconnect();
        else client.provider.connect();
        trail.push(`client ${index} ${client.provider.shouldConnect ? 'reconnects' : 'disconnects'}`);
      } else {
        const did = randomEdit(client.doc, random, `u${index}`, hot);
        if (did) trail.push(did);
      }
      if (random.chance(0.3)) await pause(random.int(3));
    }

    for (const client of clients) client.provider.connect();
    trail.push('all clients reconnect');
    await Promise.all(clients.map((c) => c.synced()));
    const serverDocument = await server.concordia.collab.registry.peek(documentId);
    if (!serverDocument) throw new Error('the server has no open document while clients are connected');
    await waitForConvergence([...clients.map((c, i) => ({ name: `client ${i}`, doc: c.doc })), { name: 'server', doc: serverDocument.doc }]);
    await server.concordia.collab.updateLog.whenIdle();
    const stored = await docFromDatabase(pool, documentId);
    if (!sameState(stored, clients[0].doc)) {
      throw new Error('the document rebuilt from PostgreSQL differs from the converged clients');
    }
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(clients[0].doc));
  }),
);
