/**
 * GET /api/documents tells each person how far each negotiation is: clauses approved by every
 * Participant as they stand now [A2] [A4], and the open threads that person may read [V1]–[V3].
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { approveAs, demo, editAs, signIn, type Demo, type Person } from './approvals-helpers';
import { StoredFingerprints } from '../../../server/src/approvals/stored-fingerprints';
import { listDocuments } from '../../../server/src/routes/documents/list-documents';
import type { LiveDocuments } from '../../../server/src/collab/live-documents';

interface Progress {
  approvedClauses: number;
  totalClauses: number;
  openThreads: number;
}
type Reader = 'secretariat' | 'US' | 'SV' | 'GT' | 'HN' | 'observer' | 'admin';

let server: TestServer;
let d: Demo;
const people = {} as Record<Reader, Person>;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  for (const code of ['US', 'SV', 'GT', 'HN'] as const) people[code] = await signIn(server, `${code.toLowerCase()}.delegate@demo.test`);
  people.secretariat = await signIn(server, 'secretariat@demo.test');
  people.observer = await signIn(server, 'observer@demo.test');
  await server.concordia.db.pool.query(
    `INSERT INTO users (email, display_name, password_hash, is_admin) SELECT 'admin@demo.test', 'Site Admin', password_hash, true FROM users WHERE email = 'gt.delegate@demo.test'`,
  );
  people.admin = await signIn(server, 'admin@demo.test');
});
afterAll(() => server.stop());

async function progressAs(who: Reader, documentId = d.documentId): Promise<Progress> {
  const { status, body } = await people[who].request<{ documents: Array<{ id: string; progress: Progress }> }>('GET', '/api/documents');
  expect(status).toBe(200);
  const listed = body.documents.find((doc) => doc.id === documentId);
  if (!listed) throw new Error(`${who} does not see ${documentId}`);
  return listed.progress;
}

const openThreadsAs = async (who: Reader) => (await progressAs(who)).openThreads;

async function approve(code: 'US' | 'SV' | 'GT' | 'HN', clauseId: string): Promise<void> {
  await approveAs(server, d, people[code], code, clauseId);
}

async function openThread(who: Reader, visibility: 'all' | 'delegation'): Promise<string> {
  const answer = await people[who].request<{ thread: { id: string } }>('POST', `/api/documents/${d.documentId}/comments`, {
    clauseId: d.clauseIds[0],
    visibility,
    body: `A ${visibility} note`,
  });
  expect(answer.status).toBe(201);
  return answer.body.thread.id;
}

describe('the progress of each negotiation in my list', () => {
  it('counts every clause of the text and none approved at first', async () => {
    expect(await progressAs('secretariat')).toEqual({ approvedClauses: 0, totalClauses: d.clauseIds.length, openThreads: 0 });
    expect(await progressAs('observer')).toEqual({ approvedClauses: 0, totalClauses: d.clauseIds.length, openThreads: 0 });
  });

  it('counts a clause once every Participant has approved it, for every reader', async () => {
    const [clause] = d.clauseIds;
    for (const code of ['US', 'SV', 'GT'] as const) await approve(code, clause);
    expect((await progressAs('secretariat')).approvedClauses).toBe(0);
    await approve('HN', clause);
    for (const who of ['secretariat', 'GT', 'observer', 'admin'] as const) expect((await progressAs(who)).approvedClauses).toBe(1);
    expect((await progressAs('observer')).totalClauses).toBe(d.clauseIds.length);
  });

  it('stops counting a clause whose text changed since it was approved, and one whose approval was revoked', async () => {
    const [first, second] = d.clauseIds;
    for (const code of ['US', 'SV', 'GT', 'HN'] as const) await approve(code, second);
    expect((await progressAs('secretariat')).approvedClauses).toBe(2);
    await editAs(server, d.documentId, people.SV.userId, first, 'es', (text) => text.insert(0, '¡'));
    expect((await progressAs('secretariat')).approvedClauses).toBe(1);
    const revoked = await people.GT.request('DELETE', `/api/documents/${d.documentId}/clauses/${second}/approvals?participantId=${d.participants.GT}`);
    expect(revoked.status).toBe(200);
    expect((await progressAs('secretariat')).approvedClauses).toBe(0);
    await approve('GT', second);
    expect((await progressAs('secretariat')).approvedClauses).toBe(1);
  });

  it('counts an internal note only for its own delegation, never for another delegation, the secretariat, observers or administrators', async () => {
    await openThread('GT', 'delegation');
    expect(await openThreadsAs('GT')).toBe(1);
    for (const who of ['HN', 'US', 'secretariat', 'observer', 'admin'] as const) expect(await openThreadsAs(who)).toBe(0);
    await openThread('secretariat', 'delegation');
    expect(await openThreadsAs('secretariat')).toBe(1);
    for (const who of ['GT', 'HN', 'observer', 'admin'] as const) expect(await openThreadsAs(who)).toBe(who === 'GT' ? 1 : 0);
  });

  it('counts a public thread for everyone while it is open, and no longer once it is resolved', async () => {
    const thread = await openThread('HN', 'all');
    const before = { GT: 2, HN: 1, US: 1, secretariat: 2, observer: 1, admin: 1 } as const;
    for (const [who, open] of Object.entries(before)) expect(await openThreadsAs(who as Reader)).toBe(open);
    const resolved = await people.secretariat.request('POST', `/api/comments/${thread}/resolve`, {});
    expect(resolved.status).toBe(200);
    for (const [who, open] of Object.entries(before)) expect(await openThreadsAs(who as Reader)).toBe(open - 1);
  });

  it('gives a negotiation without text or Participants zero of zero', async () => {
    const created = await people.secretariat.request<{ document: { id: string } }>('POST', '/api/documents', {
      title: { en: 'Action Plan', es: 'Plan de Acción' },
    });
    expect(created.status).toBe(201);
    expect(await progressAs('secretariat', created.body.document.id)).toEqual({ approvedClauses: 0, totalClauses: 0, openThreads: 0 });
  });

  it('reads the text of a document again only once its stored updates changed', async () => {
    const documents = server.concordia.ctx.documents;
    let loads = 0;
    // Every text the list reads goes through the live-document gateway: count its reads.
    const counting = {
      read: (...args: Parameters<LiveDocuments['read']>) => {
        loads += 1;
        return documents.read(...args);
      },
    } as unknown as LiveDocuments;
    const fingerprints = new StoredFingerprints(counting);
    const list = async () =>
      (await listDocuments(server.concordia.ctx, fingerprints, { id: people.secretariat.userId, isAdmin: false })).find(
        (listed) => listed.document.id === d.documentId,
      )!.progress;

    const first = await list();
    const documentsListed = loads;
    expect(documentsListed).toBe(2);
    expect(await list()).toEqual(first);
    await approve('US', d.clauseIds[3]);
    await list();
    expect(loads).toBe(documentsListed);
    await editAs(server, d.documentId, people.US.userId, d.clauseIds[1], 'en', (text) => text.insert(0, ' '));
    const afterEdit = await list();
    expect(loads).toBe(documentsListed + 1);
    expect(afterEdit.approvedClauses).toBe(first.approvedClauses - 1);
  });
});
