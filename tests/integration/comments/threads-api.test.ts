import { startTestServer, type TestServer } from '../../utils/test-server';
import { anchorOn, demoFacts, DEMO_EMAILS, listAll, liveDoc, signIn, type Answer, type DemoFacts, type Person } from './support';
import type { CommentThread } from '../../../shared/src/api/comments';

let server: TestServer;
let d: DemoFacts;
let secretariat: Person;
let gt: Person;
let hn: Person;
let hnLegal: Person;
let observer: Person;
let clauseId: string;

const comments = () => `/api/documents/${d.documentId}/comments`;

async function open(person: Person, body: Record<string, unknown>): Promise<CommentThread> {
  const answer = await person.request('POST', comments(), { clauseId, ...body });
  if (answer.status !== 201) throw new Error(`Opening a thread answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.thread;
}

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demoFacts(server);
  clauseId = d.traffickingClause;
  [secretariat, gt, hn, hnLegal, observer] = await Promise.all([
    signIn(server, DEMO_EMAILS.secretariat),
    signIn(server, DEMO_EMAILS.gt),
    signIn(server, DEMO_EMAILS.hn),
    signIn(server, DEMO_EMAILS.hnLegal, { lang: 'es' }),
    signIn(server, DEMO_EMAILS.observer),
  ]);
});
afterAll(async () => {
  await server.stop();
});

describe('opening a thread', () => {
  it('opens a thread on a range of text with its author, Participant, quote and first comment', async () => {
    const anchor = anchorOn(await liveDoc(server, d.documentId), clauseId, 'en', 'human trafficking');
    const thread = await open(gt, { language: 'en', anchor, visibility: 'all', body: 'Should this say "trafficking in persons"?\nSee the Palermo Protocol.' });
    expect(thread).toMatchObject({
      clauseId,
      clauseDeleted: false,
      language: 'en',
      visibility: 'all',
      status: 'open',
      participantId: d.participants.GT,
      author: { id: gt.userId, displayName: 'José Ixcot', participantId: d.participants.GT },
      anchor: { quote: 'human trafficking', state: 'present', text: 'human trafficking', start: { item: anchor.start.item }, end: { item: anchor.end.item } },
    });
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]).toMatchObject({
      id: thread.id,
      body: 'Should this say "trafficking in persons"?\nSee the Palermo Protocol.',
      editedAt: null,
      deletedAt: null,
    });
    expect(JSON.stringify(thread)).not.toContain('@demo.test');
  });

  it('opens a thread on the clause as a whole, without language or range', async () => {
    const thread = await open(secretariat, { body: 'Chair: please keep this article short.' });
    expect(thread).toMatchObject({ language: null, anchor: null, participantId: null, author: { participantId: null } });
  });

  it('takes the quote from the server’s own text, whatever the client believes', async () => {
    const anchor = anchorOn(await liveDoc(server, d.documentId), clauseId, 'es', 'trata de personas');
    const thread = await open(hn, { language: 'es', anchor, body: 'De acuerdo.' });
    expect(thread.anchor).toMatchObject({ quote: 'trata de personas', state: 'present' });
  });

  it('refuses a range that is not in the clause named', async () => {
    const other = d.clauseIds.find((id) => id !== clauseId && id !== d.clauseIds[0])!;
    const anchor = anchorOn(await liveDoc(server, d.documentId), clauseId, 'en', 'human trafficking');
    const answer = await gt.request('POST', comments(), { clauseId: other, language: 'en', anchor, body: 'Wrong clause' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('anchor_invalid');
  });

  it('refuses a range without its language, and a language the document does not have', async () => {
    const anchor = anchorOn(await liveDoc(server, d.documentId), clauseId, 'en', 'human trafficking');
    const without = await gt.request('POST', comments(), { clauseId, anchor, body: 'x' });
    expect(without.body.error).toMatchObject({ code: 'validation_failed' });
    const french = await gt.request('POST', comments(), { clauseId, language: 'fr', body: 'x' });
    expect(french.body.error).toMatchObject({ code: 'validation_failed' });
  });

  it('refuses a clause that does not exist', async () => {
    const answer = await gt.request('POST', comments(), { clauseId: 'c_0000000000000000', body: 'Where?' });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('clause_not_found');
  });

  it('refuses unknown fields', async () => {
    const answer = await gt.request('POST', comments(), { clauseId, body: 'x', html: '<b>x</b>' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'unknown_field' });
  });
});

describe('bodies', () => {
  it('accepts exactly 10,000 characters, counting characters rather than UTF-16 units', async () => {
    const body = `${'é'.repeat(9_998)}🇬🇹`;
    expect([...body].length).toBe(10_000);
    expect(body.length).toBe(10_002);
    const thread = await open(gt, { body });
    expect(thread.comments[0].body).toBe(body);
  });

  it('refuses 10,001 characters with an error that gives the limit and the length, in the person’s language', async () => {
    const en = await secretariat.request('POST', comments(), { clauseId, body: 'a'.repeat(10_001) });
    expect(en.status).toBe(400);
    expect(en.body.error.code).toBe('comment_too_long');
    expect(en.body.error.message).toBe('A comment can have at most 10,000 characters; this one has 10,001. Shorten it, or split it into several replies.');
    const es = await hnLegal.request('POST', comments(), { clauseId, body: 'a'.repeat(12_345) });
    expect(es.body.error.message).toContain('como máximo 10.000 caracteres; este tiene 12.345');
  });

  it('refuses an empty body and keeps line breaks, trimming only the ends', async () => {
    const empty = await gt.request('POST', comments(), { clauseId, body: ' \n\t ' });
    expect(empty.body.error).toMatchObject({ code: 'validation_failed' });
    const thread = await open(gt, { body: '\r\n  first line\r\nsecond line\n\n' });
    expect(thread.comments[0].body).toBe('first line\nsecond line');
  });

  it('stores bodies as text, HTML and all', async () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const thread = await open(gt, { body: payload });
    expect(thread.comments[0].body).toBe(payload);
  });
});

describe('replies, edits and deletion', () => {
  it('adds replies in order, from any member who may comment', async () => {
    const thread = await open(gt, { body: 'First' });
    await hn.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Second' });
    const { status, body } = await secretariat.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Third' });
    expect(status).toBe(201);
    expect(body.thread.comments.map((c: { body: string }) => c.body)).toEqual(['First', 'Second', 'Third']);
    expect(body.thread.comments[1].author).toMatchObject({ id: hn.userId, participantId: d.participants.HN });
  });

  it('lets authors edit their own comment and marks it edited', async () => {
    const thread = await open(gt, { body: 'Typo hre' });
    const { status, body } = await gt.request('PATCH', `/api/comments/${thread.id}`, { body: 'Typo here' });
    expect(status).toBe(200);
    expect(body.thread.comments[0]).toMatchObject({ body: 'Typo here' });
    expect(body.thread.comments[0].editedAt).not.toBeNull();
  });

  it('refuses to edit or delete someone else’s comment', async () => {
    const thread = await open(gt, { body: 'Mine' });
    const edit = await hn.request('PATCH', `/api/comments/${thread.id}`, { body: 'Yours now' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe('comment_not_author');
    const del = await secretariat.request('DELETE', `/api/comments/${thread.id}`);
    expect(del.body.error.code).toBe('comment_not_author');
  });

  it('leaves a marker for a deleted comment and keeps the thread with its replies', async () => {
    const thread = await open(gt, { body: 'I will regret this' });
    await hn.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Reply stays' });
    const { status, body } = await gt.request('DELETE', `/api/comments/${thread.id}`);
    expect(status).toBe(200);
    expect(body.thread.comments[0]).toMatchObject({ id: thread.id, body: null, mentions: [] });
    expect(body.thread.comments[0].deletedAt).not.toBeNull();
    expect(body.thread.comments[1]).toMatchObject({ body: 'Reply stays' });
    const again = await gt.request('PATCH', `/api/comments/${thread.id}`, { body: 'Undo?' });
    expect(again.body.error.code).toBe('comment_deleted');
    const { rows } = await server.concordia.db.pool.query('SELECT action, subject FROM audit_events WHERE action = $1 ORDER BY id DESC LIMIT 1', [
      'comment.deleted',
    ]);
    expect(rows[0].subject).toMatchObject({ threadId: thread.id, commentId: thread.id, visibility: 'all', audience: null });
    expect(JSON.stringify(rows[0].subject)).not.toContain('regret');
  });
});

describe('resolving and reopening', () => {
  it('records who resolved and reopened a thread and when, in the thread and the audit log', async () => {
    const thread = await open(gt, { body: 'Settle this' });
    const resolved = await hn.request('POST', `/api/comments/${thread.id}/resolve`, {});
    expect(resolved.body.thread).toMatchObject({ status: 'resolved', resolvedBy: { id: hn.userId, displayName: hn.displayName } });
    const reopened = await secretariat.request('POST', `/api/comments/${thread.id}/reopen`, {});
    expect(reopened.body.thread).toMatchObject({ status: 'open', resolvedBy: null, reopenedBy: { id: secretariat.userId } });
    const { rows } = await server.concordia.db.pool.query(`SELECT action, actor_user_id FROM audit_events WHERE subject->>'threadId' = $1 ORDER BY id`, [
      thread.id,
    ]);
    expect(rows).toEqual([
      { action: 'comment.created', actor_user_id: gt.userId },
      { action: 'comment_thread.resolved', actor_user_id: hn.userId },
      { action: 'comment_thread.reopened', actor_user_id: secretariat.userId },
    ]);
  });

  it('resolves through any comment of the thread, and resolving twice changes nothing', async () => {
    const thread = await open(gt, { body: 'Once' });
    const reply = (await hn.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Reply' })).body.thread.comments[1];
    const first = await gt.request('POST', `/api/comments/${reply.id}/resolve`, {});
    const second = await gt.request('POST', `/api/comments/${thread.id}/resolve`, {});
    expect(second.body.thread.resolvedAt).toBe(first.body.thread.resolvedAt);
  });
});

describe('mentions', () => {
  it('stores @mentions of members by display name or email as user ids', async () => {
    const thread = await open(gt, { body: '@María Fernanda Zelaya and @hn.legal@demo.test, please look. @Nobody Known is not a member.' });
    expect(thread.comments[0].mentions).toEqual([
      { id: hn.userId, displayName: 'María Fernanda Zelaya' },
      { id: hnLegal.userId, displayName: 'Ramón Núñez' },
    ]);
  });

  it('does not mention a member who may not read an internal thread', async () => {
    const thread = await open(gt, { visibility: 'delegation', body: 'Internal: @María Fernanda Zelaya should not be pinged' });
    expect(thread.comments[0].mentions).toEqual([]);
  });

  it('finds the threads that mention me', async () => {
    await open(secretariat, { body: 'For @Olivia Observer' });
    const mine = await listAll(observer, d.documentId, 'mentioning=me');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.comments.some((c) => c.mentions.some((m) => m.id === observer.userId)))).toBe(true);
  });
});

describe('lists, filters and counts', () => {
  it('filters by clause, status, language, Participant and mine, and pages without gaps or repeats', async () => {
    const all = await listAll(gt, d.documentId);
    const byPages: CommentThread[] = [];
    let cursor: string | null = null;
    do {
      const { body }: Answer<{ threads: CommentThread[]; nextCursor: string | null }> = await gt.request(
        'GET',
        `${comments()}?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(body.threads.length).toBeLessThanOrEqual(3);
      byPages.push(...body.threads);
      cursor = body.nextCursor;
    } while (cursor);
    expect(byPages.map((t) => t.id)).toEqual(all.map((t) => t.id));

    const es = await listAll(gt, d.documentId, 'language=es');
    expect(es.length).toBeGreaterThan(0);
    expect(es.every((t) => t.language === 'es')).toBe(true);
    const hnThreads = await listAll(gt, d.documentId, `participantId=${d.participants.HN}`);
    expect(hnThreads.length).toBeGreaterThan(0);
    expect(hnThreads.every((t) => t.participantId === d.participants.HN)).toBe(true);
    const resolved = await listAll(gt, d.documentId, 'status=resolved');
    expect(resolved.length).toBeGreaterThan(0);
    expect(resolved.every((t) => t.status === 'resolved')).toBe(true);
    const mine = await listAll(hn, d.documentId, 'mine=true');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.comments.some((c) => c.author.id === hn.userId))).toBe(true);
    const clause = await listAll(gt, d.documentId, `clauseId=${clauseId}`);
    expect(clause.every((t) => t.clauseId === clauseId)).toBe(true);
  });

  it('counts open and resolved threads per clause', async () => {
    const all = await listAll(gt, d.documentId);
    const { body } = await gt.request('GET', `${comments()}/counts`);
    expect(body.clauses[clauseId]).toEqual({
      open: all.filter((t) => t.clauseId === clauseId && t.status === 'open').length,
      resolved: all.filter((t) => t.clauseId === clauseId && t.status === 'resolved').length,
    });
  });

  it('refuses a cursor it did not give out', async () => {
    const { status, body } = await gt.request('GET', `${comments()}?cursor=bm9wZQ`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'validation_failed' });
  });
});

describe('who may comment', () => {
  it('lets observers read public threads but not comment, reply or resolve', async () => {
    const thread = await open(gt, { body: 'Public' });
    expect((await listAll(observer, d.documentId)).some((t) => t.id === thread.id)).toBe(true);
    expect((await observer.request('POST', comments(), { clauseId, body: 'Me too' })).status).toBe(403);
    expect((await observer.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Me too' })).status).toBe(403);
    expect((await observer.request('POST', `/api/comments/${thread.id}/resolve`, {})).status).toBe(403);
  });

  it('lets legal reviewers comment', async () => {
    const thread = await open(hnLegal, { body: 'Revisión jurídica' });
    expect(thread.author).toMatchObject({ id: hnLegal.userId, participantId: d.participants.HN });
  });

  it('answers 404 to people who are not members, for the list and for a comment', async () => {
    const thread = await open(gt, { body: 'Members only' });
    await server.concordia.db.pool.query(
      `INSERT INTO users (email, display_name, password_hash) SELECT 'outsider@demo.test', 'Outsider', password_hash FROM users WHERE email = $1`,
      [DEMO_EMAILS.gt],
    );
    const outsider = await signIn(server, 'outsider@demo.test');
    expect((await outsider.request('GET', comments())).status).toBe(404);
    expect((await outsider.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Hi' })).status).toBe(404);
  });
});

describe('after the freeze', () => {
  it('keeps threads readable and refuses every change to them', async () => {
    const thread = await open(gt, { body: 'Before the freeze' });
    await server.concordia.db.pool.query(`UPDATE documents SET status = 'frozen', frozen_at = now() WHERE id = $1`, [d.documentId]);
    try {
      expect((await listAll(gt, d.documentId)).some((t) => t.id === thread.id)).toBe(true);
      const attempts = await Promise.all([
        gt.request('POST', comments(), { clauseId, body: 'After' }),
        gt.request('POST', `/api/comments/${thread.id}/replies`, { body: 'After' }),
        gt.request('PATCH', `/api/comments/${thread.id}`, { body: 'After' }),
        gt.request('DELETE', `/api/comments/${thread.id}`),
        gt.request('POST', `/api/comments/${thread.id}/resolve`, {}),
      ]);
      for (const attempt of attempts) expect(attempt.body.error?.code).toBe('document_frozen');
    } finally {
      await server.concordia.db.pool.query(`UPDATE documents SET status = 'draft', frozen_at = NULL WHERE id = $1`, [d.documentId]);
    }
  });
});
