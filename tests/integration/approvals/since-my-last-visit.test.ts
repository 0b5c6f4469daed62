/**
 * "My negotiations" says what others did since I last opened a negotiation (PUT …/visit, sent by the
 * workspace as it opens and closes): how many people edited, comments I may read and those that
 * mention me, approvals, proposal activity, versions — never another delegation's internal notes, never
 * my own doings; and its "Updated" date follows the last change, not the time it was created.
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import * as Y from 'yjs';
import { approveAs, demo, editAs, signIn, type Demo, type Person } from './approvals-helpers';
import type { DocumentSummary } from '../../../shared/src/api/documents';

let server: TestServer;
let d: Demo;
const people = {} as Record<'secretariat' | 'US' | 'SV' | 'GT' | 'HN' | 'hnLegal' | 'observer', Person>;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  for (const code of ['US', 'SV', 'GT', 'HN'] as const) people[code] = await signIn(server, `${code.toLowerCase()}.delegate@demo.test`);
  people.secretariat = await signIn(server, 'secretariat@demo.test');
  people.observer = await signIn(server, 'observer@demo.test');
  people.hnLegal = await signIn(server, 'hn.legal@demo.test');
});
/** An edit of a clause's first paragraph: words put before it. */
const prepend = (words: string) => (text: Y.XmlText) => text.insert(0, words);
const idOf = (who: keyof typeof people) => people[who].userId;
afterAll(() => server.stop());

async function listedFor(who: keyof typeof people): Promise<DocumentSummary> {
  const { status, body } = await people[who].request<{ documents: DocumentSummary[] }>('GET', '/api/documents');
  expect(status).toBe(200);
  return body.documents.find((doc) => doc.id === d.documentId)!;
}

async function visit(who: keyof typeof people): Promise<string> {
  const answer = await people[who].request<{ visitedAt: string }>('PUT', `/api/documents/${d.documentId}/visit`, {});
  expect(answer.status).toBe(200);
  return answer.body.visitedAt;
}

async function comment(who: keyof typeof people, visibility: 'all' | 'delegation', body: string): Promise<void> {
  const answer = await people[who].request('POST', `/api/documents/${d.documentId}/comments`, { clauseId: d.clauseIds[1], visibility, body });
  expect(answer.status).toBe(201);
}

async function approve(code: 'US' | 'SV' | 'GT' | 'HN', clauseId: string): Promise<void> {
  await approveAs(server, d, people[code], code, clauseId);
}

describe('since my last visit', () => {
  it('is null for a negotiation I never opened', async () => {
    expect((await listedFor('HN')).sinceLastVisit).toBeNull();
  });

  it('counts what others did since, and nothing of what I did myself', async () => {
    const visitedAt = await visit('HN');
    expect((await listedFor('HN')).sinceLastVisit).toEqual({ visitedAt, editors: 0, comments: 0, mentions: 0, approvals: 0, proposals: 0, versions: 0 });

    await editAs(server, d.documentId, idOf('US'), d.clauseIds[0], 'en', prepend('Parties '));
    await editAs(server, d.documentId, idOf('US'), d.clauseIds[0], 'en', prepend('Sides '));
    await editAs(server, d.documentId, idOf('SV'), d.clauseIds[2], 'es', prepend('Partes '));
    await editAs(server, d.documentId, idOf('HN'), d.clauseIds[3], 'en', prepend('Parties '));
    await comment('US', 'all', 'Please look at this, @María Fernanda Zelaya');
    await comment('GT', 'all', 'Agreed.');
    await comment('HN', 'all', 'My own note does not count.');
    await approve('US', d.clauseIds[4]);
    await approve('HN', d.clauseIds[4]);
    const version = await people.secretariat.request('POST', `/api/documents/${d.documentId}/versions`, { name: 'Round 2' });
    expect(version.status).toBe(201);

    expect((await listedFor('HN')).sinceLastVisit).toEqual({ visitedAt, editors: 2, comments: 2, mentions: 1, approvals: 1, proposals: 0, versions: 1 });
  });

  it('never counts the internal notes of another delegation, and counts my own delegation’s', async () => {
    const before = (await listedFor('HN')).sinceLastVisit!;
    await comment('US', 'delegation', 'US internal: hold Article 4');
    await comment('secretariat', 'delegation', 'Secretariat internal');
    expect((await listedFor('HN')).sinceLastVisit!.comments).toBe(before.comments);
    await comment('hnLegal', 'delegation', 'Nota interna de Honduras');
    expect((await listedFor('HN')).sinceLastVisit!.comments).toBe(before.comments + 1);
    const observer = await visit('observer');
    await comment('US', 'delegation', 'Another US internal note');
    await comment('secretariat', 'delegation', 'Secretariat internal, again');
    expect((await listedFor('observer')).sinceLastVisit).toMatchObject({ visitedAt: observer, comments: 0 });
  });

  it('starts again from each visit', async () => {
    const visitedAt = await visit('HN');
    expect((await listedFor('HN')).sinceLastVisit).toEqual({ visitedAt, editors: 0, comments: 0, mentions: 0, approvals: 0, proposals: 0, versions: 0 });
  });

  it('dates the negotiation by its last change, not by when it was created', async () => {
    const before = new Date((await listedFor('GT')).updatedAt).getTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await editAs(server, d.documentId, idOf('SV'), d.clauseIds[5], 'en', prepend('Parties '));
    const after = new Date((await listedFor('GT')).updatedAt).getTime();
    expect(after).toBeGreaterThan(before);
    const { rows } = await server.concordia.db.pool.query<{ created_at: Date }>(
      'SELECT created_at FROM document_updates WHERE document_id = $1 ORDER BY id DESC LIMIT 1',
      [d.documentId],
    );
    expect(after).toBe(rows[0].created_at.getTime());
  });

  it('is refused to someone who is not a member, with the policy’s answer', async () => {
    const stranger = await server.concordia.db.pool.query<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash) SELECT 'stranger@demo.test', 'Stranger', password_hash FROM users WHERE email = 'gt.delegate@demo.test' RETURNING id`,
    );
    expect(stranger.rows).toHaveLength(1);
    const outsider = await signIn(server, 'stranger@demo.test');
    const answer = await outsider.request('PUT', `/api/documents/${d.documentId}/visit`, {});
    expect([403, 404]).toContain(answer.status);
    const { rows } = await server.concordia.db.pool.query('SELECT 1 FROM document_visits WHERE user_id = $1', [stranger.rows[0].id]);
    expect(rows).toHaveLength(0);
  });
});
