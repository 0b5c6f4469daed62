/**
 * [V1]–[V3] (shared/src/comment-visibility.ts): an internal thread is read by its own delegation and by
 * nobody else, on every channel — REST lists, counts and filters, the comment routes, socket.io.
 * One table: every kind of thread × every kind of reader.
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { demoFacts, DEMO_EMAILS, listAll, openChannel, signIn, type Channel, type DemoFacts, type Person } from './support';
import { sleep, waitFor } from '../../utils/wait';
import type { CommentChange, CommentThread } from '../../../shared/src/api/comments';

type Reader = 'secretariat' | 'us' | 'sv' | 'gt' | 'gtLegal' | 'hn' | 'hnLegal' | 'observer' | 'unattachedLegal' | 'admin';
type ThreadKind = 'public' | 'gtInternal' | 'hnInternal' | 'usInternal' | 'secretariatInternal';

const READERS: Reader[] = ['secretariat', 'us', 'sv', 'gt', 'gtLegal', 'hn', 'hnLegal', 'observer', 'unattachedLegal', 'admin'];

/** Who opens each thread, and who may read it. */
const THREADS: Record<ThreadKind, { author: Reader; readers: Reader[] }> = {
  public: { author: 'gt', readers: READERS },
  gtInternal: { author: 'gt', readers: ['gt', 'gtLegal'] },
  hnInternal: { author: 'hnLegal', readers: ['hn', 'hnLegal'] },
  usInternal: { author: 'us', readers: ['us'] },
  secretariatInternal: { author: 'secretariat', readers: ['secretariat'] },
};
const KINDS = Object.keys(THREADS) as ThreadKind[];

let server: TestServer;
let d: DemoFacts;
const people = {} as Record<Reader, Person>;
const channels = {} as Record<Reader, Channel>;
const threads = {} as Record<ThreadKind, CommentThread>;
/** When each change was asked for: its events must arrive within a second. */
const asked: Array<{ kind: ThreadKind; change: CommentChange; at: number }> = [];

async function addPerson(email: string, name: string, role: string, participantId: string | null, isAdmin = false): Promise<void> {
  const pool = server.concordia.db.pool;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash, is_admin) SELECT $1, $2, password_hash, $3 FROM users WHERE email = $4 RETURNING id`,
    [email, name, isAdmin, DEMO_EMAILS.gt],
  );
  if (role !== 'none') {
    await pool.query('INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, $3, $4)', [
      d.documentId,
      rows[0].id,
      role,
      participantId,
    ]);
  }
}

async function act<T>(kind: ThreadKind, change: CommentChange, call: () => Promise<{ status: number; body: T }>): Promise<T> {
  const at = Date.now();
  const { status, body } = await call();
  if (status >= 300) throw new Error(`${change} on ${kind} answered ${status}: ${JSON.stringify(body)}`);
  asked.push({ kind, change, at });
  return body;
}

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demoFacts(server);
  await addPerson('gt.legal@demo.test', 'Lucía Gt Legal', 'legal_reviewer', d.participants.GT);
  await addPerson('legal@demo.test', 'Unattached Legal', 'legal_reviewer', null);
  await addPerson('admin@demo.test', 'Site Admin', 'none', null, true);
  const emails: Record<Reader, string> = {
    secretariat: DEMO_EMAILS.secretariat,
    us: DEMO_EMAILS.us,
    sv: DEMO_EMAILS.sv,
    gt: DEMO_EMAILS.gt,
    gtLegal: 'gt.legal@demo.test',
    hn: DEMO_EMAILS.hn,
    hnLegal: DEMO_EMAILS.hnLegal,
    observer: DEMO_EMAILS.observer,
    unattachedLegal: 'legal@demo.test',
    admin: 'admin@demo.test',
  };
  for (const reader of READERS) people[reader] = await signIn(server, emails[reader]);
  for (const reader of READERS) channels[reader] = await openChannel(server, people[reader], d.documentId);

  // Every member's name in every body: a mention must not be a way in either.
  const everyone = READERS.map((r) => `@${people[r].displayName}`).join(' ');
  for (const kind of KINDS) {
    const { author } = THREADS[kind];
    const body = await act(kind, 'created', () =>
      people[author].request('POST', `/api/documents/${d.documentId}/comments`, {
        clauseId: d.traffickingClause,
        visibility: kind === 'public' ? 'all' : 'delegation',
        body: `${kind} confidential-body — ${everyone}`,
      }),
    );
    threads[kind] = body.thread;
  }
  for (const kind of KINDS) {
    const { author, readers } = THREADS[kind];
    const replier = people[readers.find((r) => r !== author && r !== 'observer' && r !== 'admin' && r !== 'unattachedLegal') ?? author];
    const replied = await act(kind, 'replied', () =>
      replier.request('POST', `/api/comments/${threads[kind].id}/replies`, { body: `${kind} confidential-reply` }),
    );
    const replyId = replied.thread.comments[1].id;
    await act(kind, 'edited', () => replier.request('PATCH', `/api/comments/${replyId}`, { body: `${kind} confidential-reply, edited` }));
    await act(kind, 'resolved', () => people[author].request('POST', `/api/comments/${threads[kind].id}/resolve`, {}));
    await act(kind, 'reopened', () => people[author].request('POST', `/api/comments/${threads[kind].id}/reopen`, {}));
    await act(kind, 'deleted', () => replier.request('DELETE', `/api/comments/${replyId}`));
  }
});

afterAll(async () => {
  for (const reader of READERS) channels[reader]?.close();
  await server.stop();
});

const cases = READERS.flatMap((reader) => KINDS.map((kind) => ({ reader, kind, sees: THREADS[kind].readers.includes(reader) })));

describe.each(cases)('$reader and the $kind thread (sees: $sees)', ({ reader, kind, sees }) => {
  it(sees ? 'lists it, with its replies' : 'does not list it', async () => {
    const listed = await listAll(people[reader], d.documentId);
    const found = listed.find((t) => t.id === threads[kind].id);
    if (sees) expect(found?.comments).toHaveLength(2);
    else expect(found).toBeUndefined();
    const filtered = await listAll(people[reader], d.documentId, `clauseId=${d.traffickingClause}&status=open&mentioning=me&mine=false`);
    // Every member is mentioned in every body; an administrator who is no member cannot be.
    expect(filtered.some((t) => t.id === threads[kind].id)).toBe(sees && reader !== 'admin');
  });

  it(sees ? 'receives every change over socket.io within a second' : 'receives nothing about it over socket.io', async () => {
    const mine = () => channels[reader].events.filter((e) => e.thread.id === threads[kind].id);
    if (!sees) {
      // The last change was relayed to those who may see it; wait as long as they did, and then some.
      await waitFor(
        () => channels[THREADS[kind].author].events.some((e) => e.thread.id === threads[kind].id && e.change === 'deleted'),
        'the author’s last event',
      );
      await sleep(100);
      expect(mine()).toEqual([]);
      return;
    }
    await waitFor(() => mine().length >= 6, `${reader}'s six events on ${kind}`);
    expect(mine().map((e) => e.change)).toEqual(['created', 'replied', 'edited', 'resolved', 'reopened', 'deleted']);
    for (const { change, at } of asked.filter((a) => a.kind === kind)) {
      const event = mine().find((e) => e.change === change)!;
      expect(event.receivedAt - at).toBeLessThan(1000);
    }
  });
});

describe.each(cases.filter((c) => !c.sees))('$reader and the $kind thread they may not read', ({ reader, kind }) => {
  it('gets 404 from every comment route, as if it did not exist', async () => {
    const id = threads[kind].id;
    const reply = threads[kind].comments[0].id;
    const answers = await Promise.all([
      people[reader].request('POST', `/api/comments/${id}/replies`, { body: 'probe' }),
      people[reader].request('POST', `/api/comments/${id}/resolve`, {}),
      people[reader].request('POST', `/api/comments/${id}/reopen`, {}),
      people[reader].request('PATCH', `/api/comments/${reply}`, { body: 'probe' }),
      people[reader].request('DELETE', `/api/comments/${reply}`),
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});

describe('counts and events', () => {
  it.each(READERS)('counts for %s only the threads they may read', async (reader) => {
    const { body } = await people[reader].request('GET', `/api/documents/${d.documentId}/comments/counts`);
    const expected = KINDS.filter((k) => THREADS[k].readers.includes(reader)).length;
    expect(body.clauses[d.traffickingClause] ?? { open: 0, resolved: 0 }).toEqual({ open: expected, resolved: 0 });
  });

  it('never sends anyone an event about a thread they may not read', () => {
    for (const reader of READERS) {
      for (const event of channels[reader].events) {
        const kind = KINDS.find((k) => threads[k].id === event.thread.id)!;
        expect({ reader, kind, readable: THREADS[kind].readers.includes(reader) }).toEqual({ reader, kind, readable: true });
      }
    }
  });

  it('keeps internal bodies out of the audit log, which names each event’s audience instead', async () => {
    const { rows } = await server.concordia.db.pool.query<{ subject: Record<string, unknown> }>(
      `SELECT subject FROM audit_events WHERE action LIKE 'comment%' AND document_id = $1`,
      [d.documentId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { subject } of rows) {
      expect(JSON.stringify(subject)).not.toMatch(/confidential/);
      expect(subject).toHaveProperty('audience');
    }
  });
});
