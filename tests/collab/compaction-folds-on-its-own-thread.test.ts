/**
 * Compaction folds a document's snapshot and tail on a worker thread (FoldThread), so the event loop
 * that relays live edits never waits for it. The thread must give exactly what folding in place gives,
 * skip what cannot be applied the same way, start again after it was closed, and give up on a thread
 * that hangs.
 */
import * as Y from 'yjs';
import { FoldThread } from '../../server/src/collab/fold-thread';
import { foldUpdates } from '../../server/src/collab/fold-updates';
import { documentJSON, seedClauses, typeInto } from '../utils/clause-edits';

function history(): Uint8Array[] {
  const author = new Y.Doc();
  const updates: Uint8Array[] = [];
  author.on('update', (update: Uint8Array) => updates.push(update));
  seedClauses(author, 20, 'c');
  for (let i = 0; i < 200; i += 1) typeInto(author, `c${i % 20}`, i % 2 ? 'es' : 'en', ` palabra ${i}`);
  return updates;
}

const thread = new FoldThread();
afterAll(() => thread.close());

it('folds a history into the same state as folding it in this thread', async () => {
  const updates = history();
  const here = foldUpdates(updates);
  const there = await thread.fold(updates);
  expect(there.skipped).toEqual([]);
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, here.state);
  Y.applyUpdate(b, there.state);
  expect(documentJSON(b)).toEqual(documentJSON(a));
  expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a));
});

it('reports an update it cannot apply by its position and folds every other one', async () => {
  const updates = history();
  const damaged = [...updates.slice(0, 5), new Uint8Array([0xff, 0xfe, 0x07, 0x00, 0x13]), ...updates.slice(5)];
  const folded = await thread.fold(damaged);
  expect(folded.skipped.map((s) => s.index)).toEqual([5]);
  expect(folded.skipped[0].reason).toEqual(expect.any(String));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, folded.state);
  expect(documentJSON(doc)).toEqual(
    documentJSON(
      (() => {
        const d = new Y.Doc();
        Y.applyUpdate(d, foldUpdates(updates).state);
        return d;
      })(),
    ),
  );
});

it('fails the folds in flight when the thread is closed, and starts a new one for the next fold', async () => {
  const dying = new FoldThread();
  const inFlight = dying.fold(history());
  await dying.close();
  await expect(inFlight).rejects.toThrow(/closed/);
  const again = await dying.fold(history());
  expect(again.state.byteLength).toBeGreaterThan(0);
  await dying.close();
});

it('a fold asked for while the old thread is still closing goes to a new thread, untouched by the old one’s exit', async () => {
  const dying = new FoldThread();
  await dying.fold(history());
  const closing = dying.close();
  const next = dying.fold(history());
  await closing;
  await expect(next).resolves.toMatchObject({ skipped: [] });
  await dying.close();
});

it('gives up on a thread that does not answer in time, and fails only its folds', async () => {
  // 1 ms is less than the thread takes to start, so the fold cannot be answered in time.
  const impatient = new FoldThread(1);
  await expect(impatient.fold(history())).rejects.toThrow(/did not answer within 1 ms/);
  await impatient.close();
});

it('folds many requests at once and answers each with its own state', async () => {
  const docs = Array.from({ length: 5 }, (_, i) => {
    const d = new Y.Doc();
    d.getText('t').insert(0, `text ${i}`);
    return Y.encodeStateAsUpdate(d);
  });
  const folded = await Promise.all(docs.map((update) => thread.fold([update])));
  folded.forEach(({ state }, i) => {
    const d = new Y.Doc();
    Y.applyUpdate(d, state);
    expect(d.getText('t').toString()).toBe(`text ${i}`);
  });
});

it('stops a thread that has had no fold for its idle time, and starts one again for the next fold', async () => {
  const idle = new FoldThread(60_000, 100);
  await idle.fold(history());
  expect(idle.started).toBe(true);
  const deadline = Date.now() + 5_000;
  while (idle.started && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(idle.started).toBe(false);
  await expect(idle.fold(history())).resolves.toMatchObject({ skipped: [] });
  expect(idle.started).toBe(true);
  await idle.close();
});
