/**
 * Issue 17, the durability rule across nodes ([S1]): an update reaches anyone, on any node, only after
 * PostgreSQL committed it. Node A is killed with SIGKILL while clients on A and B type: every marker
 * any client had received is in PostgreSQL; A's clients then reconnect to B (as a load balancer sends
 * them) with what they typed, and everyone converges on what PostgreSQL holds.
 */
import { connectClient, type CollabClient } from '../utils/collab-client';
import { itWithPostgres, nodeCluster } from '../utils/spawn-nodes';
import { waitFor } from '../utils/wait';
import { seedClauses } from '../utils/clause-edits';
import { getClause } from '../../shared/src/index';
import { markers, missingFrom, sameState, type } from './support/typing';

jest.setTimeout(120_000);

const cluster = nodeCluster();

itWithPostgres('after kill -9 of one node mid-edit, every update any client received is in PostgreSQL, and its clients converge on another node', async () => {
  const documentId = await cluster.stage.database.createDocument();
  const [a, b] = await cluster.start(2);
  const writersOnA = [connectClient(a.wsUrl, documentId), connectClient(a.wsUrl, documentId)];
  const writersOnB = [connectClient(b.wsUrl, documentId)];
  const readerOnA = connectClient(a.wsUrl, documentId);
  const readerOnB = connectClient(b.wsUrl, documentId);
  const everyone = [...writersOnA, ...writersOnB, readerOnA, readerOnB];
  cluster.clients.push(...everyone);
  await Promise.all(everyone.map((c) => c.synced()));
  seedClauses(writersOnB[0].doc, 1);
  await waitFor(() => everyone.every((c) => getClause(c.doc, 'c0') !== undefined), 'the clause to reach every client');

  // Each writer types without pause, each edit its own update: the kill always cuts into edits in flight.
  const writers = [...writersOnA, ...writersOnB];
  let typed = 0;
  const padding = ' lorem ipsum'.repeat(10);
  const typing = setInterval(() => {
    writers.forEach((writer, index) => type(writer, `~w${index}.${typed}~${padding}`, typed % 2 === 0 ? 'en' : 'es'));
    typed += 1;
  }, 3);
  try {
    await waitFor(() => markers(readerOnB.doc).size >= 150 && markers(readerOnA.doc).size >= 150, 'both readers to receive 150 edits', 60_000);
    const aClosed = new Promise<void>((resolve) => readerOnA.provider.once('connection-close', () => resolve()));
    a.server.child.kill('SIGKILL');
    await a.server.exited;
    await aClosed;
  } finally {
    clearInterval(typing);
  }
  // What A's reader holds now (its connection closed) is everything A ever sent it.
  const receivedOnA = markers(readerOnA.doc);
  expect(typed * writers.length).toBeGreaterThan(receivedOnA.size); // the kill did cut into edits in flight

  // B keeps serving its own clients; what B's reader received is committed too.
  await waitFor(() => markers(readerOnB.doc).size >= markers(writersOnB[0].doc).size, 'B’s reader to have B’s writer’s edits');
  const receivedOnB = markers(readerOnB.doc);
  const stored = (await cluster.stage.database.docFromDatabase(documentId))!;
  expect(missingFrom(stored, receivedOnA)).toEqual([]);
  expect(missingFrom(stored, receivedOnB)).toEqual([]);

  // A's clients come back through B with their own copies (edits A never committed included).
  const moved: CollabClient[] = [...writersOnA, readerOnA].map((client) => {
    client.provider.destroy();
    return connectClient(b.wsUrl, documentId, { doc: client.doc });
  });
  cluster.clients.push(...moved);
  await Promise.all(moved.map((c) => c.synced()));
  const all = [...moved, ...writersOnB, readerOnB];
  await waitFor(() => all.every((c) => sameState(c.doc, all[0].doc)), 'every client, moved or not, to converge on node B', 30_000);
  await waitFor(async () => sameState((await cluster.stage.database.docFromDatabase(documentId))!, all[0].doc), 'PostgreSQL to hold what every client holds');
  // Every marker A's writers typed is there: they re-sent through B what A had not committed.
  const typedOnA = [...markers(writersOnA[0].doc)].filter((m) => m.startsWith('~w0.') || m.startsWith('~w1.'));
  expect(typedOnA.length).toBeGreaterThan(receivedOnA.size / 3);
  expect(missingFrom((await cluster.stage.database.docFromDatabase(documentId))!, typedOnA)).toEqual([]);
});
