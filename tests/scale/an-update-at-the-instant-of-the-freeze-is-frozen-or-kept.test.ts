/**
 * Issue 17: a freeze on node A while a delegate's client on node B sends updates in the same instant.
 * Each update ends either in the frozen text (committed before the freeze, in the version's state) or
 * refused and kept for its author (rejected_updates) — never stored after the fingerprint was taken.
 * B's updates leave the text as it is (a character typed and removed in one transaction), so the
 * approvals stay in force and the freeze goes ahead in the middle of them.
 */
import * as Y from 'yjs';
import { connectClient } from '../utils/collab-client';
import { itWithPostgres, nodeCluster, type ClusterNode } from '../utils/spawn-nodes';
import { waitFor } from '../utils/wait';
import { clauseFragment, clauseOrder } from '../../shared/src/yjs-layout';
import { approveEverything, demoOn } from './support/ready-to-freeze';

jest.setTimeout(180_000);

const origin = { kind: 'test' };

const cluster = nodeCluster();
let a: ClusterNode;
let b: ClusterNode;

beforeAll(async () => {
  [a, b] = await cluster.start(2, { DEMO: '1' });
});

itWithPostgres('puts every update B sent either in the frozen text or among the edits kept for their author, and stores none after', async () => {
  const pool = cluster.pool();
  const demo = await demoOn(a, pool);
  const { documentId, secretariat, delegates } = demo;

  const writer = connectClient(b.wsUrl, documentId, { headers: { cookie: demo.delegates.GT.cookie } });
  cluster.clients.push(writer);
  await writer.synced();
  // Everything confirmed and approved: the text can be frozen as it stands.
  await approveEverything(demo, writer.doc);

  const clauseId = clauseOrder(writer.doc)[2];
  const text = (clauseFragment(writer.doc, clauseId, 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const sent: Uint8Array[] = [];
  writer.doc.on('update', (update: Uint8Array, by: unknown) => {
    if (by === origin) sent.push(update);
  });
  const typing = setInterval(() => {
    writer.doc.transact(() => {
      text.insert(0, 'x');
      text.delete(0, 1);
    }, origin);
  }, 3);
  let frozen: { status: number; body: { version: { id: string } } };
  try {
    await waitFor(() => sent.length > 30, 'B’s writer to be sending');
    frozen = await secretariat.request('POST', `/api/documents/${documentId}/freeze`, { confirm: true });
    const atFreeze = sent.length;
    await waitFor(() => sent.length > atFreeze + 30, 'B’s writer to keep sending after the freeze');
  } finally {
    clearInterval(typing);
  }
  expect(frozen.status).toBe(201);

  const version = await pool.query<{ state: Buffer; through_update_id: string }>('SELECT state, through_update_id FROM document_versions WHERE id = $1', [
    frozen.body.version.id,
  ]);
  // Nothing stored after the fingerprint was taken.
  const after = await pool.query('SELECT 1 FROM document_updates WHERE document_id = $1 AND id > $2', [documentId, version.rows[0].through_update_id]);
  expect(after.rowCount).toBe(0);

  // Every update sent is in the frozen state or kept for its author (the keeper merges a burst into one row, after a moment).
  const covered = async (): Promise<boolean> => {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, new Uint8Array(version.rows[0].state));
      const kept = await pool.query<{ update: Buffer }>('SELECT update FROM rejected_updates WHERE document_id = $1 AND user_id = $2', [
        documentId,
        delegates.GT.userId,
      ]);
      for (const row of kept.rows) Y.applyUpdate(doc, new Uint8Array(row.update));
      const before = Y.snapshot(doc);
      for (const update of sent) Y.applyUpdate(doc, update);
      return Y.equalSnapshots(before, Y.snapshot(doc));
    } finally {
      doc.destroy();
    }
  };
  await waitFor(covered, 'every update B sent to be frozen or kept for its author', 30_000);
  // Some were frozen and some kept: the freeze did fall in the middle of them.
  const kept = await pool.query('SELECT 1 FROM rejected_updates WHERE document_id = $1 AND user_id = $2', [documentId, delegates.GT.userId]);
  expect(kept.rowCount).toBeGreaterThan(0);
});
