import { startTestServer, type TestServer } from '../../utils/test-server';
import { approveAs, demo, editAs, signIn, type Demo, type Person } from './approvals-helpers';
import type { ApprovalMatrix } from '../../../shared/src/api/approvals';

let server: TestServer;
let d: Demo;
const delegates: Record<string, Person> = {};
let observer: Person;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  for (const code of ['US', 'SV', 'GT', 'HN']) delegates[code] = await signIn(server, `${code.toLowerCase()}.delegate@demo.test`);
  observer = await signIn(server, 'observer@demo.test');
});
afterAll(() => server.stop());

const matrix = async (query = '') => await observer.request<ApprovalMatrix>('GET', `/api/documents/${d.documentId}/approvals${query}`);

async function approve(code: string, clauseId: string): Promise<void> {
  await approveAs(server, d, delegates[code], code, clauseId);
}

describe('the approval matrix', () => {
  it('lists every clause in document order with a not_approved cell for every Participant at first', async () => {
    const { status, body } = await matrix();
    expect(status).toBe(200);
    expect(body.clauses.map((c) => c.clauseId)).toEqual(d.clauseIds);
    expect(body.participants.map((p) => p.code)).toEqual(['US', 'SV', 'GT', 'HN']);
    expect(body.languages).toEqual(['en', 'es']);
    expect(body.clauses.every((c) => Object.values(c.statuses).every((s) => s === 'not_approved'))).toBe(true);
    expect(body.clauses.every((c) => c.concordance.status === 'unconfirmed')).toBe(true);
    expect(body.readiness).toEqual({ ready: false, approved: 0, total: d.clauseIds.length * 4 });
  });

  it('counts progress per Participant', async () => {
    for (const clauseId of d.clauseIds.slice(0, 3)) await approve('US', clauseId);
    await approve('GT', d.clauseIds[0]);
    const { body } = await matrix();
    expect(body.progress[d.participants.US]).toEqual({ approved: 3, outdated: 0, notApproved: d.clauseIds.length - 3, held: 0, total: d.clauseIds.length });
    expect(body.progress[d.participants.GT].approved).toBe(1);
    expect(body.progress[d.participants.HN].approved).toBe(0);
  });

  it('filters the clauses that are outdated, and those missing Guatemala, without changing progress', async () => {
    await editAs(server, d.documentId, delegates.SV.userId, d.clauseIds[1], 'es', (text) => text.insert(0, '¡'));
    const outdated = await matrix('?status=outdated');
    expect(outdated.body.clauses.map((c) => c.clauseId)).toEqual([d.clauseIds[1]]);
    expect(outdated.body.clauses[0].statuses[d.participants.US]).toBe('outdated');
    expect(outdated.body.progress[d.participants.US]).toMatchObject({ approved: 2, outdated: 1 });
    const missingGuatemala = await matrix('?missing=GT');
    expect(missingGuatemala.body.clauses.map((c) => c.clauseId)).toEqual(d.clauseIds.slice(1));
    const missingById = await matrix(`?missing=${d.participants.GT}&status=not_approved`);
    expect(missingById.body.clauses.map((c) => c.clauseId)).toEqual(d.clauseIds.slice(1));
  });

  it('refuses an unknown filter', async () => {
    expect((await matrix('?status=maybe')).status).toBe(400);
    expect((await matrix('?colour=red')).status).toBe(400);
  });

  it('says the document is ready once every clause is approved by every Participant, and not after a change', async () => {
    for (const code of ['US', 'SV', 'GT', 'HN']) {
      const { body } = await matrix(`?missing=${code}`);
      for (const clause of body.clauses) await approve(code, clause.clauseId);
    }
    const ready = await matrix();
    expect(ready.body.readiness).toEqual({ ready: true, approved: d.clauseIds.length * 4, total: d.clauseIds.length * 4 });
    await editAs(server, d.documentId, delegates.HN.userId, d.clauseIds[2], 'en', (text) => text.insert(0, ' '));
    const after = await matrix();
    expect(after.body.readiness).toMatchObject({ ready: false, approved: d.clauseIds.length * 4 - 4 });
  });
});
