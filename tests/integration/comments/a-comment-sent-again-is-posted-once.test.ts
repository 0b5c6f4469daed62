/**
 * Issue 19: a comment written without a connection waits in the browser and is sent again until the
 * server answers — and an answer can be lost after the comment was stored. The client names each
 * comment with a request id; the same author sending the same id gets the comment already posted (one
 * thread, one reply, one audit event, one socket.io event), even when both copies arrive at once. An id
 * used for something else is refused with a clear error.
 */
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../utils/test-server';
import { waitFor } from '../../utils/wait';
import { demoFacts, DEMO_EMAILS, listAll, openChannel, signIn, type Channel, type DemoFacts, type Person } from './support';

let server: TestServer;
let d: DemoFacts;
let gt: Person;
let sv: Person;
let svChannel: Channel;
const comments = () => `/api/documents/${d.documentId}/comments`;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demoFacts(server);
  [gt, sv] = await Promise.all([signIn(server, DEMO_EMAILS.gt), signIn(server, DEMO_EMAILS.sv, { lang: 'es' })]);
  svChannel = await openChannel(server, sv, d.documentId);
});
afterAll(async () => {
  svChannel?.close();
  await server.stop();
});

const auditCount = async (action: string, threadId: string) =>
  Number(
    (
      await server.concordia.db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE action = $1 AND subject->>'threadId' = $2`, [
        action,
        threadId,
      ])
    ).rows[0].n,
  );

it('opens one thread for a request sent twice, one after the other and both at once', async () => {
  const requestId = randomUUID();
  const body = { clauseId: d.clauseIds[2], body: 'Written on the plane, sent twice', requestId };
  const first = await gt.request('POST', comments(), body);
  const again = await gt.request('POST', comments(), body);
  expect([first.status, again.status]).toEqual([201, 201]);
  expect(again.body.thread.id).toBe(first.body.thread.id);
  expect((await listAll(gt, d.documentId)).filter((thread) => thread.comments[0].body === body.body)).toHaveLength(1);
  expect(await auditCount('comment.created', first.body.thread.id)).toBe(1);

  const racing = { ...body, body: 'Two copies at once', requestId: randomUUID() };
  const answers = await Promise.all([gt.request('POST', comments(), racing), gt.request('POST', comments(), racing)]);
  expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
  expect(answers[0].body.thread.id).toBe(answers[1].body.thread.id);
  expect((await listAll(gt, d.documentId)).filter((thread) => thread.comments[0].body === racing.body)).toHaveLength(1);
  await waitFor(() => svChannel.events.some((event) => event.thread.id === answers[0].body.thread.id), 'the thread event');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(svChannel.events.filter((event) => event.thread.id === answers[0].body.thread.id && event.change === 'created')).toHaveLength(1);
});

it('adds one reply for a reply sent twice', async () => {
  const thread = (await gt.request('POST', comments(), { clauseId: d.clauseIds[3], body: 'A question' })).body.thread;
  const reply = { body: 'Sent again after a lost answer', requestId: randomUUID() };
  const first = await sv.request('POST', `/api/comments/${thread.id}/replies`, reply);
  const again = await sv.request('POST', `/api/comments/${thread.id}/replies`, reply);
  expect([first.status, again.status]).toEqual([201, 201]);
  expect(again.body.thread.comments).toHaveLength(2);
  expect(again.body.thread.comments.map((comment: { body: string }) => comment.body)).toEqual(['A question', reply.body]);
  expect(await auditCount('comment.replied', thread.id)).toBe(1);
});

it('refuses a request id used for another comment, in the person’s language, and one person’s id is not another’s', async () => {
  const requestId = randomUUID();
  const thread = (await gt.request('POST', comments(), { clauseId: d.clauseIds[4], body: 'First use', requestId })).body.thread;
  const asReply = await gt.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Same id, now a reply', requestId });
  expect(asReply.status).toBe(409);
  expect(asReply.body.error.code).toBe('comment_request_reused');
  const inSpanish = await sv.request('POST', `/api/comments/${thread.id}/replies`, { body: 'x', requestId: randomUUID() });
  expect(inSpanish.status).toBe(201);
  const reusedBySv = await sv.request('POST', `/api/comments/${thread.id}/replies`, { body: 'Another, same id as that reply', requestId: requestId });
  // An id is the author's own: Salvador's delegate using Guatemala's id posts their own reply.
  expect(reusedBySv.status).toBe(201);
  const twiceBySv = await sv.request('POST', comments(), { clauseId: d.clauseIds[4], body: 'A thread with a reply’s id', requestId });
  expect(twiceBySv.status).toBe(409);
  expect(twiceBySv.body.error.message).toMatch(/ya se usó/);
  const malformed = await gt.request('POST', comments(), { clauseId: d.clauseIds[4], body: 'Bad id', requestId: 'not-a-uuid' });
  expect(malformed.status).toBe(400);
});
