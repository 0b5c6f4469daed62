/**
 * Anyone signed in can be refused, as often as they like: the first refusal of a kind is recorded at
 * once, and its repeats within the window as one event that says how many there were — 1,000 refused
 * `document:join`s no longer fill a document's activity feed, and nobody's refusal goes unrecorded.
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { signIn, DEMO_EMAILS, type Person } from '../../utils/people';
import { connectRealtime, emitWithAck } from '../../utils/realtime-client';
import { denialThrottleFor, MAX_IMMEDIATE_PER_PERSON } from '../../../server/src/policies/denial-throttle';
import { SocketEvent } from '../../../shared/src/protocol';

let server: TestServer;
let outsider: Person;
let secretariat: Person;
let otherDocumentId: string;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1' });
  [outsider, secretariat] = await Promise.all([signIn(server, DEMO_EMAILS.observer), signIn(server, DEMO_EMAILS.secretariat)]);
  // A negotiation the observer is no member of.
  const created = await secretariat.request('POST', '/api/documents', { title: { en: 'Closed room', es: 'Sala cerrada' } });
  otherDocumentId = created.body.document.id;
});
afterAll(async () => {
  await server.stop();
});

const denials = async (documentId: string) =>
  (
    await server.concordia.db.pool.query<{ subject: Record<string, unknown> }>(
      `SELECT subject FROM audit_events WHERE action = 'authorization.denied' AND document_id = $1 ORDER BY id`,
      [documentId],
    )
  ).rows.map((row) => row.subject);

it('records 300 refused document:join as two events: the first, and one with the count of the repeats', async () => {
  const socket = await connectRealtime(server.url, outsider.cookie);
  try {
    const answers = [];
    for (let i = 0; i < 300; i += 1) answers.push(emitWithAck(socket, SocketEvent.JoinDocument, { documentId: otherDocumentId }));
    for (const answer of await Promise.all(answers)) expect(answer.error.code).toBe('not_found');
    expect(await denials(otherDocumentId)).toEqual([expect.objectContaining({ userId: outsider.userId, target: 'document:join', reason: 'not_a_member' })]);
    await denialThrottleFor(server.concordia.db.pool, () => {
      throw new Error('the server has a throttle');
    }).flush();
    const recorded = await denials(otherDocumentId);
    expect(recorded).toHaveLength(2);
    expect(recorded[1]).toMatchObject({ userId: outsider.userId, target: 'document:join', reason: 'not_a_member', repeated: 299 });
    expect(Date.parse(recorded[1].lastAt as string)).toBeGreaterThanOrEqual(Date.parse(recorded[1].firstAt as string));
  } finally {
    socket.disconnect();
  }
});

it(`records at most ${MAX_IMMEDIATE_PER_PERSON} refusals of one person at once, however they vary them, and counts the rest`, async () => {
  const documents: string[] = [];
  for (let i = 0; i < MAX_IMMEDIATE_PER_PERSON + 5; i += 1) {
    documents.push((await secretariat.request('POST', '/api/documents', { title: { en: `Room ${i}`, es: `Sala ${i}` } })).body.document.id);
  }
  const socket = await connectRealtime(server.url, outsider.cookie);
  try {
    for (const documentId of documents) await emitWithAck(socket, SocketEvent.JoinDocument, { documentId });
    const immediate = (await Promise.all(documents.map(denials))).filter((rows) => rows.length > 0).length;
    expect(immediate).toBeLessThanOrEqual(MAX_IMMEDIATE_PER_PERSON);
    await denialThrottleFor(server.concordia.db.pool, () => {
      throw new Error('the server has a throttle');
    }).flush();
    // After the flush every refusal is on record, with its count.
    for (const documentId of documents) expect((await denials(documentId)).length).toBeGreaterThanOrEqual(1);
  } finally {
    socket.disconnect();
  }
});

it('still records another person’s refusal at once', async () => {
  const other = await signIn(server, DEMO_EMAILS.hnLegal);
  const socket = await connectRealtime(server.url, other.cookie);
  try {
    await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: otherDocumentId });
    expect((await denials(otherDocumentId)).some((subject) => subject.userId === other.userId && subject.repeated === undefined)).toBe(true);
  } finally {
    socket.disconnect();
  }
});
