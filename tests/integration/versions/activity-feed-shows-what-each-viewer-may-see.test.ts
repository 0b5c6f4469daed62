/**
 * The activity feed shows the audit log of a document filtered by what the viewer may see: a
 * delegation's internal threads only to that delegation, refused requests only to the secretariat,
 * and of every event only the fields listed for its kind (never an invited person's email).
 */
import { approve, confirm, startWorld, type Person, type World } from './support';
import type { ActivityEvent } from '../../../shared/src/api/versions';

let world: World;
let internalThread: string;
let publicThread: string;

beforeAll(async () => {
  world = await startWorld();
  const clauseId = world.d.clauseIds[4];
  const internal = await world.delegates.GT.request<{ thread: { id: string } }>('POST', `/api/documents/${world.d.documentId}/comments`, {
    clauseId,
    body: 'Guatemala only',
    visibility: 'delegation',
  });
  const open = await world.delegates.GT.request<{ thread: { id: string } }>('POST', `/api/documents/${world.d.documentId}/comments`, {
    clauseId,
    body: 'For everyone',
    visibility: 'all',
  });
  [internalThread, publicThread] = [internal.body.thread.id, open.body.thread.id];
  expect((await world.delegates.GT.request('POST', `/api/comments/${internalThread}/replies`, { body: 'Agreed within the delegation' })).status).toBe(201);
  expect((await world.delegates.GT.request('PATCH', `/api/comments/${publicThread}`, { body: 'For everyone to read' })).status).toBe(200);
  expect((await world.delegates.GT.request('POST', `/api/comments/${internalThread}/resolve`, {})).status).toBe(200);
  expect((await world.delegates.GT.request('POST', `/api/comments/${publicThread}/resolve`, {})).status).toBe(200);
  await confirm(world, clauseId);
  await approve(world, 'HN', clauseId);
  expect((await world.observer.request('POST', `/api/documents/${world.d.documentId}/versions`, { name: 'Not mine to take' })).status).toBe(403);
  expect(
    (await world.secretariat.request('POST', `/api/documents/${world.d.documentId}/invitations`, { email: 'someone.private@example.org', role: 'observer' }))
      .status,
  ).toBe(201);
  expect((await world.secretariat.request('POST', `/api/documents/${world.d.documentId}/versions`, { name: 'Chair’s text' })).status).toBe(201);
});
afterAll(() => world.server.stop());

async function feed(person: Person): Promise<ActivityEvent[]> {
  const answer = await person.request<{ events: ActivityEvent[]; nextBefore: string | null }>('GET', `/api/documents/${world.d.documentId}/activity?limit=200`);
  expect(answer.status).toBe(200);
  return answer.body.events;
}
const threadsIn = (events: ActivityEvent[]) => events.filter((e) => e.action.startsWith('comment')).map((e) => e.subject.threadId);

it('shows a delegation’s internal thread only to that delegation', async () => {
  expect(threadsIn(await feed(world.delegates.GT))).toEqual(expect.arrayContaining([internalThread, publicThread]));
  for (const person of [world.delegates.HN, world.legal, world.secretariat, world.observer]) {
    const threads = threadsIn(await feed(person));
    expect(threads).toContain(publicThread);
    expect(threads).not.toContain(internalThread);
  }
});

it('records opening, replying to and editing a comment, never its body', async () => {
  const events = await feed(world.delegates.GT);
  const kinds = (thread: string) =>
    events
      .filter((e) => e.subject.threadId === thread)
      .map((e) => e.action)
      .reverse();
  expect(kinds(internalThread)).toEqual(['comment.created', 'comment.replied', 'comment_thread.resolved']);
  expect(kinds(publicThread)).toEqual(['comment.created', 'comment.edited', 'comment_thread.resolved']);
  // Not in the feed, nor in the audit log it reads: the subjects never hold a body.
  const { rows } = await world.server.concordia.db.pool.query<{ subject: unknown }>(
    `SELECT subject FROM audit_events WHERE action ~ '^comment' AND subject->>'threadId' = ANY($1)`,
    [[internalThread, publicThread]],
  );
  expect(rows.length).toBe(6);
  expect(JSON.stringify(rows)).not.toMatch(/Guatemala only|For everyone|Agreed within/);
  expect(threadsIn(await feed(world.delegates.HN))).not.toContain(internalThread);
});

it('shows refused requests only to the secretariat', async () => {
  expect((await feed(world.secretariat)).some((e) => e.action === 'authorization.denied' && e.subject.action === 'version.create')).toBe(true);
  for (const person of [world.delegates.HN, world.observer, world.legal]) {
    expect((await feed(person)).some((e) => e.action === 'authorization.denied')).toBe(false);
  }
});

it('shows approvals, confirmations and versions to everyone, newest first, with only the listed fields', async () => {
  const events = await feed(world.observer);
  const ids = events.map((e) => BigInt(e.id));
  expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
  expect(events[0]).toMatchObject({ action: 'version.created', actor: { id: world.secretariat.userId }, subject: { name: 'Chair’s text', kind: 'named' } });
  expect(events.find((e) => e.action === 'clause.approved')).toMatchObject({
    actor: { id: world.delegates.HN.userId },
    subject: { participantId: world.d.participants.HN },
  });
  expect(Object.keys(events.find((e) => e.action === 'clause.approved')!.subject).sort()).toEqual(['clauseId', 'concordance', 'fingerprint', 'participantId']);
  const invitation = (await feed(world.secretariat)).find((e) => e.action === 'invitation.created')!;
  expect(invitation.subject).toEqual({ role: 'observer', participantId: null });
  expect(JSON.stringify(await feed(world.secretariat))).not.toContain('someone.private@example.org');
});

it('pages backwards through older events', async () => {
  const all = await feed(world.secretariat);
  const first = await world.secretariat.request<{ events: ActivityEvent[]; nextBefore: string | null }>(
    'GET',
    `/api/documents/${world.d.documentId}/activity?limit=2`,
  );
  expect(first.body.events.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
  const next = await world.secretariat.request<{ events: ActivityEvent[] }>(
    'GET',
    `/api/documents/${world.d.documentId}/activity?limit=2&before=${first.body.nextBefore}`,
  );
  expect(next.body.events.map((e) => e.id)).toEqual(all.slice(2, 4).map((e) => e.id));
});
