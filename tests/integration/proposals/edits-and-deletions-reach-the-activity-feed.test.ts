/**
 * Issue 14, drafting phase: edits are in the activity feed summarised per clause and person (not per
 * keystroke), a deleted clause is in it at once, and it can be restored from there (the API the feed's
 * button calls), by those who may change the structure.
 */
import { startWorld, type World } from '../identity/support/world';
import { documentApi, joinAs, testOrigin, writeClause } from './support';
import { waitFor } from '../../utils/wait';
import { clauseOrder, deleteClause } from '../../../shared/src/yjs-layout';
import { typeInto } from '../../utils/clause-edits';

let world: World;
beforeAll(async () => {
  world = await startWorld({ ACTIVITY_EDIT_WINDOW_SECONDS: '2' });
});
afterAll(async () => {
  await world.stop();
});

const actions = async () => {
  const { body } = await documentApi(world)(world.as.secretariat, 'GET', '/activity');
  return (body.events as { action: string; subject: Record<string, unknown>; actor: { id: string } | null }[]).filter((e) => e.action.startsWith('clause.'));
};

it('summarises a burst of typing as one event, records a deletion at once, and restores the clause where it was', async () => {
  const secretariat = await joinAs(world, world.as.secretariat);
  writeClause(secretariat, 'c_00000000000000e1');
  const guatemala = await joinAs(world, world.as.delegateP);
  await waitFor(() => clauseOrder(guatemala.doc).length === 1, 'the clause to reach Guatemala');
  writeClause(guatemala, 'c_00000000000000e2');
  for (const word of ['The ', 'Participants ', 'shall ', 'meet ', 'yearly.']) typeInto(guatemala.doc, 'c_00000000000000e2', 'en', word);
  const byGuatemala = async () => (await actions()).filter((e) => e.action === 'clause.edited' && e.actor?.id === world.users.delegateP.id);
  await waitFor(async () => (await byGuatemala()).length > 0, 'the summary of the edits', 15_000);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const edited = await byGuatemala();
  expect(edited).toHaveLength(1);
  expect(edited[0].subject).toMatchObject({ clauseId: 'c_00000000000000e2' });
  expect(Number(edited[0].subject.edits)).toBeGreaterThanOrEqual(5);

  guatemala.doc.transact(() => deleteClause(guatemala.doc, 'c_00000000000000e2', testOrigin), testOrigin);
  await waitFor(async () => (await actions()).some((e) => e.action === 'clause.deleted'), 'the deletion in the feed');
  const deleted = (await actions()).find((e) => e.action === 'clause.deleted')!;
  // It was first (written before the other): a restore puts it first again.
  expect(deleted.subject).toEqual({ clauseId: 'c_00000000000000e2', afterId: null });

  const path = '/clauses/c_00000000000000e2/restore';
  expect((await documentApi(world)(world.as.observer, 'POST', path, { afterId: 'c_00000000000000e1' })).status).toBe(403);
  const restored = await documentApi(world)(world.as.delegateQ, 'POST', path, { afterId: deleted.subject.afterId });
  expect(restored.status).toBe(200);
  await waitFor(() => clauseOrder(secretariat.doc).join() === 'c_00000000000000e2,c_00000000000000e1', 'the clause back in its place');
  expect((await documentApi(world)(world.as.delegateQ, 'POST', path, {})).body.error.code).toBe('conflict');
  expect((await actions()).some((e) => e.action === 'clause.restored')).toBe(true);
  for (const client of [secretariat, guatemala]) client.destroy();
});
