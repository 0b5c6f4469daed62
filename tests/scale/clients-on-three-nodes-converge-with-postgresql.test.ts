/**
 * Issue 17, [S1]–[S5] of server/src/scale/document-stream.ts: stock y-websocket clients spread over
 * two and three nodes, typing at once, converge, and what they hold is what PostgreSQL alone rebuilds.
 * Presence crosses nodes too (pub/sub), and each node's /readyz says it reaches Redis.
 */
import * as Y from 'yjs';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { itWithPostgres, nodeCluster, type ClusterNode } from '../utils/spawn-nodes';
import { waitFor } from '../utils/wait';
import { seedClauses } from '../utils/clause-edits';
import { clauseFragment, getClause } from '../../shared/src/index';
import { markers, sameState, type } from './support/typing';

jest.setTimeout(120_000);

const cluster = nodeCluster();
let nodes: ClusterNode[];
beforeAll(async () => {
  nodes = await cluster.start(3);
});

itWithPostgres('clients on two and then three nodes typing at once converge, and equal the document PostgreSQL rebuilds', async () => {
  const documentId = await cluster.stage.database.createDocument();
  for (const node of nodes) {
    const ready = await node.readyz();
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.cluster).toMatchObject({ redis: 'ok', degraded: false });
  }

  // Two nodes first: two clients on each.
  const clients = [0, 0, 1, 1].map((n) => connectClient(nodes[n].wsUrl, documentId));
  cluster.clients.push(...clients);
  await Promise.all(clients.map((c) => c.synced()));
  seedClauses(clients[0].doc, 1);
  await waitFor(() => clients.every((c) => getClause(c.doc, 'c0') !== undefined), 'the clause to reach every client on both nodes');

  const ROUNDS = 25;
  const typeRounds = async (writers: CollabClient[], from: number) => {
    for (let round = from; round < from + ROUNDS; round += 1) {
      writers.forEach((client, index) => type(client, `~w${index}.${round}~`, round % 2 === 0 ? 'en' : 'es'));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await typeRounds(clients, 0);
  const expected = () => clients.length * ROUNDS;
  await waitFor(
    () => clients.every((c) => markers(c.doc).size === expected() && sameState(c.doc, clients[0].doc)),
    () => `the four clients to converge (have ${clients.map((c) => markers(c.doc).size).join(', ')} of ${expected()})`,
    30_000,
  );

  // Then a third node joins with two more clients, who get everything and type too.
  const late = [2, 2].map((n) => connectClient(nodes[n].wsUrl, documentId));
  cluster.clients.push(...late);
  await Promise.all(late.map((c) => c.synced()));
  clients.push(...late);
  await typeRounds(clients, ROUNDS);
  const total = clients.length * ROUNDS + 4 * ROUNDS;
  await waitFor(
    () => clients.every((c) => markers(c.doc).size === total && sameState(c.doc, clients[0].doc)),
    () => `the six clients on three nodes to converge (have ${clients.map((c) => markers(c.doc).size).join(', ')} of ${total})`,
    30_000,
  );

  // What every client holds is exactly what PostgreSQL holds.
  const stored = (await cluster.stage.database.docFromDatabase(documentId))!;
  expect(markers(stored).size).toBe(total);
  expect(Buffer.from(Y.encodeStateVector(stored)).equals(Buffer.from(Y.encodeStateVector(clients[0].doc)))).toBe(true);
  expect(clauseFragment(stored, 'c0', 'en').toString()).toBe(clauseFragment(clients[5].doc, 'c0', 'en').toString());
  expect(clauseFragment(stored, 'c0', 'es').toString()).toBe(clauseFragment(clients[0].doc, 'c0', 'es').toString());

  // The nodes relayed each other's updates through the streams.
  const stats = await Promise.all(nodes.map(async (n) => (await n.readyz()).body.cluster!.streams));
  for (const s of stats) expect(s.applied).toBeGreaterThan(0);
});

itWithPostgres('presence set on one node reaches clients on the others', async () => {
  const documentId = await cluster.stage.database.createDocument();
  const [here, there] = [connectClient(nodes[0].wsUrl, documentId), connectClient(nodes[1].wsUrl, documentId)];
  cluster.clients.push(here, there);
  await Promise.all([here.synced(), there.synced()]);
  here.provider.awareness.setLocalStateField('cursor', { anchor: 7 });
  await waitFor(
    () => (there.provider.awareness.getStates().get(here.doc.clientID) as { cursor?: { anchor: number } } | undefined)?.cursor?.anchor === 7,
    'the caret set on node 0 to reach the client on node 1',
  );
  here.provider.awareness.setLocalState(null);
  await waitFor(() => !there.provider.awareness.getStates().has(here.doc.clientID), 'the presence removed on node 0 to leave node 1');
});
