/**
 * Issue 17: exactly one node runs a job at a time, under a PostgreSQL advisory lock held on a dedicated
 * connection (server/src/scale/advisory-lock.ts); and anti-entropy finds what no stream carried — a
 * row committed to PostgreSQL that was never published — repairs every open copy, and counts it.
 */
import * as Y from 'yjs';
import { openTestDatabase, dropSchema } from '../utils/test-db';
import { quietLogger } from '../utils/quiet-logger';
import { advisoryLockRunner } from '../../server/src/scale/advisory-lock';
import { connectClient } from '../utils/collab-client';
import { itWithPostgres, nodeCluster } from '../utils/spawn-nodes';
import { waitFor } from '../utils/wait';
import { seedClauses } from '../utils/clause-edits';
import { getClause } from '../../shared/src/index';
import { markers, sameState, type } from './support/typing';

jest.setTimeout(120_000);

const cluster = nodeCluster();

itWithPostgres('while one node runs a job the others skip it, and once it is done the next node may run it', async () => {
  const db = await openTestDatabase();
  try {
    const [nodeA, nodeB] = [advisoryLockRunner(db.pool, quietLogger()), advisoryLockRunner(db.pool, quietLogger())];
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = nodeA('compact:doc-1', async () => {
      started();
      await holding;
      return 'A compacted';
    });
    await running;
    expect(await nodeB('compact:doc-1', async () => 'B compacted')).toBeNull();
    // Another job is not held by this one.
    expect(await nodeB('compact:doc-2', async () => 'B compacted doc 2')).toBe('B compacted doc 2');
    release();
    expect(await first).toBe('A compacted');
    expect(await nodeB('compact:doc-1', async () => 'B compacted')).toBe('B compacted');
  } finally {
    await db.close();
    await dropSchema(db.schema);
  }
});

itWithPostgres('a row PostgreSQL holds that no stream carried reaches every open copy by anti-entropy, counted as a repair', async () => {
  const documentId = await cluster.stage.database.createDocument();
  const nodes = await cluster.start(2, { ANTI_ENTROPY_SECONDS: '1' });
  const clients = nodes.map((n) => connectClient(n.wsUrl, documentId));
  cluster.clients.push(...clients);
  await Promise.all(clients.map((c) => c.synced()));
  seedClauses(clients[0].doc, 1);
  await waitFor(() => clients.every((c) => getClause(c.doc, 'c0') !== undefined), 'the clause to reach both nodes');
  await waitFor(() => sameState(clients[0].doc, clients[1].doc), 'both clients to converge');

  // A change committed by "a node" that died before publishing it: written to PostgreSQL only.
  const writer = { doc: new Y.Doc() } as Parameters<typeof type>[0];
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(clients[0].doc));
  const before = Y.encodeStateVector(writer.doc);
  type(writer, '~w9.1~', 'en');
  const update = Y.encodeStateAsUpdate(writer.doc, before);
  await cluster
    .pool()
    .query(`INSERT INTO document_updates (document_id, update, user_id, origin) VALUES ($1, $2, NULL, 'server')`, [documentId, Buffer.from(update)]);

  await waitFor(() => clients.every((c) => markers(c.doc).has('~w9.1~')), 'anti-entropy to bring the unpublished row to the clients of both nodes', 15_000);
  for (const node of nodes) expect((await node.readyz()).body.cluster!.streams.repairs).toBeGreaterThanOrEqual(1);
});
