/**
 * Issue 14: "a proposal is … with … an optional explanation, and a comment thread". A thread may be about
 * a proposal: it is on the proposal's clause, keeps every rule of other threads (visibility [V1]–[V3],
 * replies, the socket.io event, the audit), is listed with `proposalId` and found by it, and the
 * proposal counts the threads its reader may read. A decided proposal keeps its threads.
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { createDocument } from '../../utils/factories';
import { waitFor } from '../../utils/wait';
import { demoFacts, DEMO_EMAILS, listAll, openChannel, signIn, type Channel, type DemoFacts, type Person } from './support';
import type { CommentThread } from '../../../shared/src/api/comments';

let server: TestServer;
let d: DemoFacts;
let gt: Person;
let sv: Person;
let hn: Person;
let hnLegal: Person;
let secretariat: Person;
let svChannel: Channel;
/** Guatemala's proposal in the trafficking clause, and one of another document. */
const proposalId = 'p_0123456789abcdef';
const foreignProposalId = 'p_fedcba9876543210';
const otherClause = () => d.clauseIds.find((id) => id !== d.traffickingClause)!;

const comments = () => `/api/documents/${d.documentId}/comments`;

async function open(person: Person, body: Record<string, unknown>): Promise<CommentThread> {
  const answer = await person.request('POST', comments(), body);
  if (answer.status !== 201) throw new Error(`Opening a thread answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.thread;
}

async function threadCount(person: Person): Promise<number> {
  const answer = await person.request('GET', `/api/documents/${d.documentId}/proposals/${proposalId}`);
  if (answer.status !== 200) throw new Error(`Reading the proposal answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.proposal.threadCount;
}

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demoFacts(server);
  const pool = server.concordia.db.pool;
  [gt, sv, hn, hnLegal, secretariat] = await Promise.all([
    signIn(server, DEMO_EMAILS.gt),
    signIn(server, DEMO_EMAILS.sv, { lang: 'es' }),
    signIn(server, DEMO_EMAILS.hn),
    signIn(server, DEMO_EMAILS.hnLegal),
    signIn(server, DEMO_EMAILS.secretariat),
  ]);
  // The rows the server records when a delegation tables a proposal in the text (the tabling itself is tested in tests/integration/proposals/).
  await pool.query(`INSERT INTO proposals (id, document_id, clause_id, sponsor_participant_id, author_user_id) VALUES ($1, $2, $3, $4, $5)`, [
    proposalId,
    d.documentId,
    d.traffickingClause,
    d.participants.GT,
    gt.userId,
  ]);
  const elsewhere = await createDocument(pool, { title: 'Another agreement' });
  await pool.query(`INSERT INTO proposals (id, document_id, clause_id) VALUES ($1, $2, $3)`, [foreignProposalId, elsewhere, d.traffickingClause]);
  svChannel = await openChannel(server, sv, d.documentId);
});

afterAll(async () => {
  svChannel?.close();
  await server.stop();
});

describe('a thread about a proposal', () => {
  let thread: CommentThread;

  it('is opened on the proposal’s clause and carries the proposal’s id', async () => {
    thread = await open(gt, { proposalId, body: 'Why "capacity" and not "capabilities"?' });
    expect(thread).toMatchObject({ proposalId, clauseId: d.traffickingClause, visibility: 'all', status: 'open', anchor: null });
    expect(thread.comments.map((c) => c.body)).toEqual(['Why "capacity" and not "capabilities"?']);
  });

  it('reaches another member’s open workspace at once, as every thread does', async () => {
    await waitFor(() => svChannel.events.some((e) => e.thread.id === thread.id), 'the Salvadoran socket to hear of the thread');
    const event = svChannel.events.find((e) => e.thread.id === thread.id)!;
    expect(event).toMatchObject({ documentId: d.documentId, change: 'created', commentId: thread.id, thread: { proposalId } });
  });

  it('takes replies from another delegation, which every reader sees with the thread', async () => {
    const answer = await sv.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Capacidades, mejor.' });
    expect(answer.status).toBe(201);
    expect(answer.body.thread).toMatchObject({ proposalId, comments: [{ body: 'Why "capacity" and not "capabilities"?' }, { body: 'Capacidades, mejor.' }] });
    const seen = await listAll(secretariat, d.documentId, `proposalId=${proposalId}`);
    expect(seen.map((t) => [t.id, t.comments.length])).toEqual([[thread.id, 2]]);
  });

  it('is recorded in the audit chain with its proposal, never with its body', async () => {
    const { rows } = await server.concordia.db.pool.query<{ action: string; subject: Record<string, unknown> }>(
      `SELECT action, subject FROM audit_events WHERE subject->>'threadId' = $1 ORDER BY id`,
      [thread.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['comment.created', 'comment.replied']);
    for (const row of rows) expect(row.subject).toMatchObject({ threadId: thread.id, clauseId: d.traffickingClause, proposalId, visibility: 'all' });
    expect(JSON.stringify(rows)).not.toContain('capacity');
  });

  it('may name the proposal’s clause as well, but no other clause', async () => {
    const same = await open(hn, { proposalId, clauseId: d.traffickingClause, body: 'Honduras agrees with the aim.' });
    expect(same).toMatchObject({ proposalId, clauseId: d.traffickingClause });
    const answer = await hn.request('POST', comments(), { proposalId, clauseId: otherClause(), body: 'On another clause.' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });
});

describe('finding the threads of a proposal', () => {
  it('lists only the proposal’s threads when asked for them, and every thread of the clause otherwise', async () => {
    const onClause = await open(gt, { clauseId: d.traffickingClause, body: 'On the clause as a whole.' });
    const ofProposal = await listAll(gt, d.documentId, `proposalId=${proposalId}`);
    expect(ofProposal.length).toBeGreaterThan(0);
    expect(ofProposal.every((t) => t.proposalId === proposalId)).toBe(true);
    expect(ofProposal.map((t) => t.id)).not.toContain(onClause.id);
    const ofClause = await listAll(gt, d.documentId, `clauseId=${d.traffickingClause}`);
    expect(ofClause.find((t) => t.id === onClause.id)?.proposalId).toBeNull();
    expect(ofClause.filter((t) => t.proposalId === proposalId).map((t) => t.id)).toEqual(ofProposal.map((t) => t.id));
  });

  it('refuses a proposal id that is not well formed', async () => {
    const answer = await gt.request('GET', `${comments()}?proposalId=p_nothex`);
    expect(answer.status).toBe(400);
  });
});

describe('a delegation’s internal note on a proposal', () => {
  let note: CommentThread;
  let publicCount: number;

  beforeAll(async () => {
    publicCount = (await listAll(secretariat, d.documentId, `proposalId=${proposalId}`)).length;
    note = await open(hnLegal, { proposalId, visibility: 'delegation', body: 'Internal: we can live with it.' });
  });

  it('is read by its own delegation, with the proposal', async () => {
    for (const reader of [hn, hnLegal]) {
      const listed = await listAll(reader, d.documentId, `proposalId=${proposalId}`);
      expect(listed.find((t) => t.id === note.id)).toMatchObject({ proposalId, visibility: 'delegation', participantId: d.participants.HN });
    }
  });

  it('counts for its own delegation in the proposal and in the list of proposals', async () => {
    for (const reader of [hn, hnLegal]) expect(await threadCount(reader)).toBe(publicCount + 1);
    const answer = await hn.request('GET', `/api/documents/${d.documentId}/proposals?clause=${d.traffickingClause}`);
    expect(answer.body.proposals.find((p: { id: string }) => p.id === proposalId).threadCount).toBe(publicCount + 1);
  });

  it('is listed, filtered and counted for nobody else', async () => {
    for (const reader of [gt, sv, secretariat]) {
      expect((await listAll(reader, d.documentId)).map((t) => t.id)).not.toContain(note.id);
      expect((await listAll(reader, d.documentId, `proposalId=${proposalId}`)).map((t) => t.id)).not.toContain(note.id);
      expect(await threadCount(reader)).toBe(publicCount);
    }
    const answer = await gt.request('GET', `/api/documents/${d.documentId}/proposals?clause=${d.traffickingClause}`);
    expect(answer.body.proposals.find((p: { id: string }) => p.id === proposalId).threadCount).toBe(publicCount);
  });

  it('never reaches another delegation’s socket', async () => {
    // socket.io keeps the order of one socket's events: once the next public thread has arrived, the note would have too.
    const after = await open(secretariat, { proposalId, body: 'The secretariat will table a redraft.' });
    await waitFor(() => svChannel.events.some((e) => e.thread.id === after.id), 'the Salvadoran socket to hear of the next public thread');
    expect(svChannel.events.map((e) => e.thread.id)).not.toContain(note.id);
  });
});

describe('a proposal that is not there', () => {
  it.each([
    ['no proposal of that id', 'p_00000000deadbeef'],
    ['a proposal of another document', foreignProposalId],
  ])('refuses %s with proposal_not_found and opens nothing', async (_case, id) => {
    const before = (await listAll(gt, d.documentId)).length;
    const answer = await gt.request('POST', comments(), { proposalId: id, body: 'Lost.' });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('proposal_not_found');
    expect((await listAll(gt, d.documentId)).length).toBe(before);
  });

  it('says so in the person’s language', async () => {
    const inSpanish = await sv.request('POST', comments(), { proposalId: 'p_00000000deadbeef', body: 'Perdida.' });
    expect(inSpanish.body.error).toMatchObject({ code: 'proposal_not_found', message: expect.stringMatching(/^Esta propuesta no está en el documento/) });
    const inEnglish = await secretariat.request('POST', comments(), { proposalId: 'p_00000000deadbeef', body: 'Lost.' });
    expect(inEnglish.body.error).toMatchObject({ code: 'proposal_not_found', message: expect.stringMatching(/^This proposal is not in the document/) });
  });

  it('refuses a body with neither a clause nor a proposal', async () => {
    const answer = await gt.request('POST', comments(), { body: 'About nothing.' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });
});

describe('a decided proposal', () => {
  beforeAll(async () => {
    // The decision itself (a Yjs change by the server) is tested with the proposals; here only its outcome matters.
    await server.concordia.db.pool.query(
      `UPDATE proposals SET status = 'rejected', decided_by = $3, decided_at = now(), decided_runs = '{}' WHERE document_id = $1 AND id = $2`,
      [d.documentId, proposalId, secretariat.userId],
    );
  });

  it('keeps its threads readable, and open to new threads and replies while the document is a draft', async () => {
    const kept = await listAll(sv, d.documentId, `proposalId=${proposalId}`);
    expect(kept.length).toBeGreaterThan(0);
    const later = await open(sv, { proposalId, body: 'Para el acta: rechazada.' });
    expect(later.proposalId).toBe(proposalId);
    const reply = await gt.request('POST', `/api/comments/${kept[0].id}/replies`, { body: 'Noted.' });
    expect(reply.status).toBe(201);
  });
});

describe('a route under /comments/:commentId', () => {
  it('loads the caller’s access to the document once, and the thread once before its transaction', async () => {
    const thread = await open(gt, { clauseId: d.traffickingClause, body: 'Counting the queries.' });
    const pool = server.concordia.db.pool;
    const seen: string[] = [];
    const query = pool.query.bind(pool);
    const spy = jest.spyOn(pool, 'query').mockImplementation(((text: unknown, ...rest: unknown[]) => {
      seen.push(typeof text === 'string' ? text : String((text as { text?: string }).text));
      return (query as (...args: unknown[]) => unknown)(text, ...rest);
    }) as typeof pool.query);
    try {
      const answer = await gt.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Once is enough.' });
      expect(answer.status).toBe(201);
    } finally {
      spy.mockRestore();
    }
    expect(seen.filter((sql) => sql.includes('FROM documents d LEFT JOIN memberships m')).length).toBe(1);
    expect(seen.filter((sql) => sql.includes('WHERE t.id = (SELECT thread_id FROM comments WHERE id = $1)')).length).toBe(1);
  });
});
