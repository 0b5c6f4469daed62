/**
 * A writer's edits refused after the freeze are kept for their author, but not without limit: the
 * refused updates of a moment are merged into one row and one audit event, and what one author keeps in
 * one document is capped. 40 frames of 256 KiB used to become 40 rows, 10 MiB and 40 audit events.
 */
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { signIn, DEMO_EMAILS, type Person } from '../utils/people';
import { collabFrame, kindOf, openRawSocket } from '../utils/raw-collab-socket';
import { waitFor } from '../utils/wait';
import { REJECTED_UPDATE_LIMITS } from '../../server/src/versions/rejected-update-keeper';

let server: TestServer;
let guatemala: Person;
let unitedStates: Person;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1' });
  [guatemala, unitedStates] = await Promise.all([signIn(server, DEMO_EMAILS.gt), signIn(server, DEMO_EMAILS.us)]);
  const documentId = server.concordia.demo!.documentId;
  await server.concordia.db.pool.query(`UPDATE documents SET status = 'frozen' WHERE id = $1`, [documentId]);
  server.concordia.ctx.documents.setStatus(documentId, 'frozen')?.committed();
});
afterAll(async () => {
  await server.stop();
});

const documentId = () => server.concordia.demo!.documentId;

/** An edit of `bytes` characters, from a peer of its own. */
function edit(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('offline').insert(0, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc);
}

async function kept(person: Person): Promise<{ rows: number; bytes: number; audit: number }> {
  const pool = server.concordia.db.pool;
  const stored = await pool.query<{ rows: number; bytes: number }>(
    'SELECT count(*)::int AS rows, coalesce(sum(octet_length(update)), 0)::int AS bytes FROM rejected_updates WHERE document_id = $1 AND user_id = $2',
    [documentId(), person.userId],
  );
  const audit = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'collab.update_rejected' AND actor_user_id = $1`, [
    person.userId,
  ]);
  return { ...stored.rows[0], audit: audit.rows[0].n };
}

it('merges a burst of refused edits into one row, keeps at most the cap per author, and still keeps another author’s edit', async () => {
  const socket = openRawSocket(server.wsUrl, documentId(), { cookie: guatemala.cookie });
  const other = openRawSocket(server.wsUrl, documentId(), { cookie: unitedStates.cookie });
  try {
    await Promise.all([socket.opened, other.opened]);
    for (let i = 0; i < 40; i += 1) socket.send(collabFrame.update(edit(256 * 1024)));
    other.send(collabFrame.update(edit(100)));
    await waitFor(() => socket.frames.some((frame) => kindOf(frame) === 'auth-denied'), 'the denial');
    await waitFor(async () => (await kept(guatemala)).rows > 0, 'the merged edits to be kept', 10_000, 100);
    const first = await kept(guatemala);
    expect(first.rows).toBeLessThanOrEqual(2);
    expect(first.audit).toBe(first.rows);
    expect(first.bytes).toBeLessThanOrEqual(REJECTED_UPDATE_LIMITS.maxKeptBytes);
    expect(first.bytes).toBeGreaterThan(256 * 1024);

    // A second burst finds the author's share full: refused all the same, and not kept.
    for (let i = 0; i < 20; i += 1) socket.send(collabFrame.update(edit(256 * 1024)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.concordia.collab.registry.flushRejected();
    const after = await kept(guatemala);
    expect(after.bytes).toBeLessThanOrEqual(REJECTED_UPDATE_LIMITS.maxKeptBytes);
    expect(after.rows).toBeLessThanOrEqual(3);
    expect(socket.isClosed()).toBe(false);

    expect(await kept(unitedStates)).toMatchObject({ rows: 1, audit: 1 });
  } finally {
    socket.close();
    other.close();
  }
}, 30_000);
