import * as Y from 'yjs';
import { startWorld, type World } from './support/world';
import { openCollab } from './support/sockets';
import { sleep, waitFor } from '../../utils/wait';
import { collabFrame, deniedReason, kindOf, syncPayload } from '../../utils/raw-collab-socket';
import { documentJSON, seedClauses, typeInto } from '../../utils/clause-edits';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

/** Everything PostgreSQL holds about the document's text, as one fingerprint. */
async function storedState(): Promise<{ rows: number; bytes: number; digest: string }> {
  const { rows } = await world.pool.query<{ rows: string; bytes: string; digest: string | null }>(
    `SELECT (SELECT count(*) FROM document_updates WHERE document_id = $1) AS rows,
            (SELECT coalesce(sum(length(update)), 0) FROM document_updates WHERE document_id = $1)
              + (SELECT coalesce(sum(length(state)), 0) FROM document_snapshots WHERE document_id = $1) AS bytes,
            md5(coalesce((SELECT string_agg(encode(update, 'hex'), ',' ORDER BY id) FROM document_updates WHERE document_id = $1), '')
              || coalesce((SELECT encode(state, 'hex') FROM document_snapshots WHERE document_id = $1), '')) AS digest`,
    [world.documentId],
  );
  return { rows: Number(rows[0].rows), bytes: Number(rows[0].bytes), digest: rows[0].digest ?? '' };
}

it('a Honduran legal reviewer’s 1,000 valid updates change 0 bytes in PostgreSQL and reach 0 other clients', async () => {
  const delegate = await openCollab(world, world.as.delegateQ, world.documentId);
  const observer = await openCollab(world, world.as.observer, world.documentId);
  // Something to protect: the delegate writes a clause first.
  const seed = new Y.Doc();
  const [clause] = seedClauses(seed, 1);
  const seededText = JSON.stringify(documentJSON(seed));
  delegate.ws.send(collabFrame.update(Y.encodeStateAsUpdate(seed)));
  await waitFor(async () => (await storedState()).rows === 1, 'the delegate’s text to be stored');
  await sleep(100);

  const reviewer = await openCollab(world, world.as.reviewer, world.documentId);
  await sleep(100);
  const before = await storedState();
  const othersBefore = [delegate.frames.length, observer.frames.length];

  // 1,000 well-formed updates, each one more insertion into the reviewer's own copy of the clause.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(seed));
  const updates: Uint8Array[] = [];
  copy.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < 1000; i += 1) typeInto(copy, clause, 'en', `[${i}] `);
  expect(updates).toHaveLength(1000);
  updates.forEach((update, i) => reviewer.ws.send(i % 2 === 0 ? collabFrame.update(update) : collabFrame.syncStep2(update)));

  // Messages are handled in order: once the answer to this sync step 1 arrives, all 1,000 were handled.
  reviewer.ws.send(collabFrame.syncStep1());
  await waitFor(() => reviewer.frames.map(kindOf).includes('sync-step2'), 'the answer to the reviewer’s sync step 1', 15_000);
  await sleep(300);

  expect(await storedState()).toEqual(before);
  expect([delegate.frames.length, observer.frames.length]).toEqual(othersBefore);
  const denials = reviewer.frames.filter((f) => kindOf(f) === 'auth-denied');
  expect(denials.length).toBeGreaterThanOrEqual(1);
  expect(deniedReason(denials[0])).toMatch(/read-only/);
  // The server's copy is untouched too: what it answers holds only the delegate's text.
  const answers = reviewer.frames.filter((f) => kindOf(f) === 'sync-step2');
  const served = new Y.Doc();
  Y.applyUpdate(served, syncPayload(answers[answers.length - 1]));
  expect(JSON.stringify(documentJSON(served))).toBe(seededText);
  expect(reviewer.isClosed()).toBe(false);
  for (const s of [reviewer, delegate, observer]) s.ws.close();
});
