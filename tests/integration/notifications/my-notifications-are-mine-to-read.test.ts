/**
 * My notifications: pushed live to my own sockets only, counted, read one by one or all at once (per
 * negotiation), paged — and nobody else can read or mark them. A mail server that is down holds
 * nothing up.
 */
import type { Socket } from 'socket.io-client';
import { fakeSmtp } from '../../utils/fake-smtp';
import { connectRealtime } from '../../utils/realtime-client';
import { waitFor } from '../../utils/wait';
import { insertDocument, insertMembership } from '../identity/support/world';
import { listOf, settle, startNegotiation, type Negotiation, type Who } from './support';
import { NotificationSocketEvent, type NotificationCreatedEvent, type NotificationReadEvent } from '../../../shared/src/api/notifications';

let n: Negotiation;
const sockets: Socket[] = [];
const created: Partial<Record<Who, NotificationCreatedEvent[]>> = {};
const read: Partial<Record<Who, NotificationReadEvent[]>> = {};
let otherDocumentId: string;

beforeAll(async () => {
  // A mail server that accepts nothing: the port is closed before the server starts.
  const smtp = await fakeSmtp();
  await smtp.close();
  n = await startNegotiation({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://concordia.example' });
  for (const who of ['hn', 'gt', 'us'] as const) {
    const socket = await connectRealtime(n.server.url, n.people[who].cookie);
    created[who] = [];
    read[who] = [];
    socket.on(NotificationSocketEvent.Created, (event: NotificationCreatedEvent) => created[who]!.push(event));
    socket.on(NotificationSocketEvent.Read, (event: NotificationReadEvent) => read[who]!.push(event));
    sockets.push(socket);
  }
  // Another negotiation HN's delegate is in, with one notification of its own.
  const pool = n.server.concordia.db.pool;
  otherDocumentId = await insertDocument(pool, 'Second memorandum');
  await insertMembership(pool, otherDocumentId, n.people.hn.userId, 'observer', null);
  await pool.query(
    `INSERT INTO notifications (user_id, document_id, kind, source, created_at) VALUES ($1, $2, 'document_frozen', 'frozen', now() - interval '1 day')`,
    [n.people.hn.userId, otherDocumentId],
  );
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await n.server.stop();
});

const mention = async (who: Who, whom: Who, words: string) => {
  const answer = await n.people[who].request('POST', `/api/documents/${n.documentId}/comments`, {
    clauseId: n.clauseIds[1],
    body: `@${n.people[whom].displayName} ${words}`,
    visibility: 'all',
  });
  expect(answer.status).toBe(201);
  return answer;
};

describe('live', () => {
  it('pushes a new notification to its person’s sockets only, with the unread count, even with the mail server down', async () => {
    const started = Date.now();
    await mention('gt', 'hn', 'what does Honduras think?');
    expect(Date.now() - started).toBeLessThan(5_000);
    await waitFor(() => created.hn!.length === 1, 'the notification on HN’s socket');
    expect(created.hn![0]).toMatchObject({ unreadCount: 2, notification: { kind: 'mention', actor: { id: n.people.gt.userId } } });
    await settle(n);
    expect(created.gt).toEqual([]);
    expect(created.us).toEqual([]);
  });
});

describe('reading', () => {
  it('counts my unread notifications, in all my negotiations or in one', async () => {
    await mention('us', 'hn', 'and the Spanish text?');
    await mention('sv', 'hn', 'agreed.');
    await settle(n);
    expect((await listOf(n.people.hn)).unreadCount).toBe(4);
    const here = await listOf(n.people.hn, `documentId=${n.documentId}`);
    expect(here.unreadCount).toBe(3);
    expect(here.notifications.map((x) => x.actor?.id)).toEqual([n.people.sv.userId, n.people.us.userId, n.people.gt.userId]);
    const other = await listOf(n.people.hn, `documentId=${otherDocumentId}`);
    expect(other.notifications.map((x) => x.kind)).toEqual(['document_frozen']);
  });

  it('pages through them newest first without repeating or skipping one', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const answer: { status: number; body: { notifications: Array<{ id: string }>; nextCursor: string | null } } = await n.people.hn.request(
        'GET',
        `/api/notifications?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(answer.status).toBe(200);
      seen.push(...answer.body.notifications.map((x) => x.id));
      cursor = answer.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await listOf(n.people.hn)).notifications.map((x) => x.id));
    expect(new Set(seen).size).toBe(4);
    const bad = await n.people.hn.request('GET', '/api/notifications?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('marks one read, tells my other tabs, and keeps it read when marked again', async () => {
    const [newest] = (await listOf(n.people.hn)).notifications;
    const answer = await n.people.hn.request('POST', `/api/notifications/${newest.id}/read`, {});
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ unreadCount: 3 });
    await waitFor(() => read.hn!.length === 1, 'the read notice on HN’s socket');
    expect(read.hn![0]).toEqual({ ids: [newest.id], documentId: null, unreadCount: 3 });
    const listed = await listOf(n.people.hn);
    expect(listed.notifications[0].readAt).not.toBeNull();
    expect((await listOf(n.people.hn, 'unread=true')).notifications.map((x) => x.id)).not.toContain(newest.id);
    expect((await n.people.hn.request('POST', `/api/notifications/${newest.id}/read`, {})).body).toEqual({ unreadCount: 3 });
  });

  it('never lets someone else mark mine read, nor see it', async () => {
    const mine = (await listOf(n.people.hn, 'unread=true')).notifications[0];
    const answer = await n.people.gt.request('POST', `/api/notifications/${mine.id}/read`, {});
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
    expect((await listOf(n.people.gt)).notifications.map((x) => x.id)).not.toContain(mine.id);
    expect((await listOf(n.people.hn, 'unread=true')).notifications.map((x) => x.id)).toContain(mine.id);
    expect(read.gt).toEqual([]);
  });

  it('marks all of one negotiation read, then all of them', async () => {
    const answer = await n.people.hn.request('POST', '/api/notifications/read-all', { documentId: n.documentId });
    expect(answer.body).toEqual({ unreadCount: 1 });
    expect((await listOf(n.people.hn, `documentId=${otherDocumentId}`)).unreadCount).toBe(1);
    expect((await n.people.hn.request('POST', '/api/notifications/read-all', {})).body).toEqual({ unreadCount: 0 });
    expect((await listOf(n.people.hn)).notifications.every((x) => x.readAt !== null)).toBe(true);
    expect(read.hn!.at(-1)).toEqual({ ids: null, documentId: null, unreadCount: 0 });
  });

  it('answers a malformed id with a clear error', async () => {
    const answer = await n.people.hn.request('POST', '/api/notifications/42/read', {});
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });
});
