/**
 * Issue 17, [S2] and [S6] of server/src/scale/document-stream.ts: Redis never holds the only copy.
 * Killed mid-session, each node keeps serving its own clients durably and says it is degraded; when
 * Redis comes back empty, every node catches up from PostgreSQL and the clients converge. A node
 * paused while its stream was trimmed (MAXLEN ~) finds the gap and catches up from PostgreSQL too.
 */
import { connectClient, type CollabClient } from '../utils/collab-client';
import { itWithPostgres, nodeCluster, type ClusterNode } from '../utils/spawn-nodes';
import { sleep, waitFor } from '../utils/wait';
import { seedClauses } from '../utils/clause-edits';
import { getClause } from '../../shared/src/index';
import { markers, missingFrom, sameState, type } from './support/typing';

jest.setTimeout(120_000);

const cluster = nodeCluster();
let nodes: ClusterNode[];
beforeAll(async () => {
  nodes = await cluster.start(2, { REDIS_STREAM_MAXLEN: '10' });
});

async function openOnBoth(perNode: number): Promise<{ documentId: string; onA: CollabClient[]; onB: CollabClient[] }> {
  const documentId = await cluster.stage.database.createDocument();
  const onA = Array.from({ length: perNode }, () => connectClient(nodes[0].wsUrl, documentId));
  const onB = Array.from({ length: perNode }, () => connectClient(nodes[1].wsUrl, documentId));
  cluster.clients.push(...onA, ...onB);
  await Promise.all([...onA, ...onB].map((c) => c.synced()));
  seedClauses(onA[0].doc, 1);
  await waitFor(() => [...onA, ...onB].every((c) => getClause(c.doc, 'c0') !== undefined), 'the clause to reach every client');
  return { documentId, onA, onB };
}

/** Types `count` edits, one update each, a few milliseconds apart (separate commits, separate stream entries). */
async function typeEdits(client: CollabClient, writer: number, from: number, count: number): Promise<void> {
  for (let n = from; n < from + count; n += 1) {
    type(client, `~w${writer}.${n}~`, n % 2 === 0 ? 'en' : 'es');
    await sleep(2);
  }
}

itWithPostgres(
  'with Redis killed mid-session each node serves its clients durably and says degraded, and all converge from PostgreSQL once it returns',
  async () => {
    const { documentId, onA, onB } = await openOnBoth(2);
    await typeEdits(onA[0], 0, 0, 10);
    await waitFor(() => markers(onB[1].doc).size === 10, 'the first edits to cross to node B');

    await cluster.redis.kill();
    await waitFor(
      async () =>
        (await Promise.all(nodes.map((n) => n.readyz()))).every(
          (r) => r.status === 200 && r.body.status === 'degraded' && r.body.cluster?.redis === 'unreachable',
        ),
      'both nodes to say they are degraded (and still ready)',
    );
    // Without Redis each node still serves its own clients, relaying only what it committed.
    await Promise.all([typeEdits(onA[0], 0, 10, 40), typeEdits(onB[0], 1, 0, 40)]);
    await waitFor(() => markers(onA[1].doc).size >= 50 && markers(onB[1].doc).size >= 50, 'the clients on each node to get their node’s edits', 20_000);
    const stored = (await cluster.stage.database.docFromDatabase(documentId))!;
    expect(missingFrom(stored, markers(onA[1].doc))).toEqual([]);
    expect(missingFrom(stored, markers(onB[1].doc))).toEqual([]);
    // Nothing crossed meanwhile: B's readers lack A's edits made without Redis (they cross only through PostgreSQL, later).
    expect([...markers(onB[1].doc)].filter((m) => m.startsWith('~w0.')).length).toBe(10);

    await cluster.redis.start();
    await waitFor(
      async () => (await Promise.all(nodes.map((n) => n.readyz()))).every((r) => r.body.status === 'ready'),
      'both nodes to be ready again',
      20_000,
    );
    const everyone = [...onA, ...onB];
    await waitFor(
      () => everyone.every((c) => markers(c.doc).size === 90 && sameState(c.doc, everyone[0].doc)),
      () => `every client to converge after Redis returned (have ${everyone.map((c) => markers(c.doc).size).join(', ')} of 90)`,
      20_000,
    );
    // And the streams work again: a new edit crosses at once.
    type(onB[0], '~w1.999~', 'en');
    await waitFor(() => markers(onA[1].doc).has('~w1.999~'), 'an edit made after Redis returned to cross to node A');
    expect(sameState((await cluster.stage.database.docFromDatabase(documentId))!, onA[1].doc)).toBe(true);
  },
);

itWithPostgres('a node paused while its stream was trimmed finds the gap and catches up from PostgreSQL', async () => {
  const { onA, onB } = await openOnBoth(1);
  const gapsBefore = (await nodes[1].readyz()).body.cluster!.streams.gaps;
  nodes[1].server.child.kill('SIGSTOP');
  try {
    // Far more entries than MAXLEN ~ 10 keeps (Redis trims whole nodes of 100 entries).
    await typeEdits(onA[0], 0, 0, 400);
  } finally {
    nodes[1].server.child.kill('SIGCONT');
  }
  await waitFor(
    () => markers(onB[0].doc).size === 400 && sameState(onB[0].doc, onA[0].doc),
    () => `the client on the paused node to get all 400 edits (has ${markers(onB[0].doc).size})`,
    20_000,
  );
  expect((await nodes[1].readyz()).body.cluster!.streams.gaps).toBeGreaterThan(gapsBefore);
});
