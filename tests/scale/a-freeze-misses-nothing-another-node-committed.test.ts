/**
 * Issue 17: the freeze takes the text PostgreSQL holds, never a node's copy that lacks another node's
 * commit. With Redis down, a delegate's edit committed on node A does not reach node B; a later update
 * committed on B (a change that leaves the text as it is) makes B's copy look current by its newest row
 * id. The secretariat freezes on node B: B reads the text PostgreSQL holds, with A's edit — which
 * outdates the approvals of its clause — and refuses the freeze, rather than freeze the text without it.
 */
import * as Y from 'yjs';
import { connectClient } from '../utils/collab-client';
import { itWithPostgres, nodeCluster, type ClusterNode } from '../utils/spawn-nodes';
import { requestAs } from '../utils/people';
import { waitFor } from '../utils/wait';
import { clauseFragment, clauseOrder } from '../../shared/src/yjs-layout';
import { approveEverything, demoOn } from './support/ready-to-freeze';
import type { FreezeBlocker } from '../../shared/src/versions/freeze-blockers';

jest.setTimeout(180_000);

const origin = { kind: 'test' };

const cluster = nodeCluster();
let a: ClusterNode;
let b: ClusterNode;

beforeAll(async () => {
  [a, b] = await cluster.start(2, { DEMO: '1' });
});

function firstText(doc: Y.Doc, clauseId: string): Y.XmlText {
  return (clauseFragment(doc, clauseId, 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

itWithPostgres('a freeze on node B sees the edit node A committed while Redis was down, and is refused for it', async () => {
  const pool = cluster.pool();
  const demo = await demoOn(a, pool);
  const { documentId, secretariat } = demo;

  const onA = connectClient(a.wsUrl, documentId);
  const onB = connectClient(b.wsUrl, documentId);
  cluster.clients.push(onA, onB);
  await Promise.all([onA.synced(), onB.synced()]);
  // Everything confirmed and approved: the text can be frozen as it stands.
  await approveEverything(demo, onA.doc);

  await cluster.redis.kill();
  await waitFor(async () => (await Promise.all([a, b].map((n) => n.readyz()))).every((r) => r.body.status === 'degraded'), 'both nodes to say degraded');
  const edited = clauseOrder(onA.doc)[1];
  const newest = async () =>
    Number((await pool.query<{ id: string }>('SELECT max(id) AS id FROM document_updates WHERE document_id = $1', [documentId])).rows[0].id);
  const before = await newest();
  // On A: a real change of the text, committed there, which B does not receive (no Redis).
  onA.doc.transact(() => firstText(onA.doc, edited).insert(0, 'Without prejudice, '), origin);
  await waitFor(async () => (await newest()) > before, 'node A to commit the edit');
  const afterA = await newest();
  // On B: an update that leaves the text as it is (typed and removed at once), committed after A's.
  onB.doc.transact(() => {
    firstText(onB.doc, edited).insert(0, 'x');
    firstText(onB.doc, edited).delete(0, 1);
  }, origin);
  await waitFor(async () => (await newest()) > afterA, 'node B to commit its update');
  expect(firstText(onB.doc, edited).toString()).not.toContain('Without prejudice');

  const frozen = await requestAs(b, secretariat, 'POST', `/api/documents/${documentId}/freeze`, { confirm: true });
  expect(frozen.status).toBe(409);
  expect(frozen.body.error.code).toBe('freeze_blocked');
  const blockers = frozen.body.error.details.blockers as FreezeBlocker[];
  expect(blockers).toContainEqual(expect.objectContaining({ reason: 'approval_outdated', clauseId: edited }));
  const status = await pool.query<{ status: string }>('SELECT status FROM documents WHERE id = $1', [documentId]);
  expect(status.rows[0].status).toBe('draft');
  expect((await pool.query('SELECT 1 FROM document_versions WHERE document_id = $1 AND kind = $2', [documentId, 'frozen'])).rowCount).toBe(0);
  // Once Redis is back, node B catches up from PostgreSQL and its client gets A's edit.
  await cluster.redis.start();
  await waitFor(() => firstText(onB.doc, edited).toString().startsWith('Without prejudice, '), 'node B’s client to get A’s edit', 30_000);
});
