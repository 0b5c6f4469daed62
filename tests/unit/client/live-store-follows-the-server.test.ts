/**
 * The client's one idiom for "a REST snapshot kept live by socket.io events and read again after a
 * reconnection" (client/src/realtime/live-store.ts), without a browser: a fake socket, fake reads.
 * Each test cites the rule of live-store.ts it checks.
 */
import { LiveStore, RELOAD } from '../../../client/src/realtime/live-store';
import { FakeSocket, settle } from '../../utils/fake-live-socket';
import { CommentsStore } from '../../../client/src/comments/comments-store';
import { ActivityStore, type ActivityPage } from '../../../client/src/versions/activity-store';
import { SocketEvent } from '../../../shared/src/protocol';
import type { CommentThread } from '../../../shared/src/api/comments';
import type { ActivityEvent } from '../../../shared/src/api/versions';

const DOC = '00000000-0000-4000-8000-0000000000d1';
const OTHER_DOC = '00000000-0000-4000-8000-0000000000d2';

/** A read the test answers when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

function thread(id: string, changes: Partial<CommentThread> = {}): CommentThread {
  const author = { id: '00000000-0000-4000-8000-000000000002', displayName: 'Other', participantId: null };
  return {
    id,
    documentId: DOC,
    clauseId: 'c1',
    clauseDeleted: false,
    language: 'en',
    anchor: null,
    visibility: 'all',
    participantId: null,
    author,
    status: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastActivityAt: '2026-01-01T00:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    reopenedAt: null,
    reopenedBy: null,
    comments: [{ id, threadId: id, author, body: 'Hi', mentions: [], createdAt: '2026-01-01T00:00:00.000Z', editedAt: null, deletedAt: null }],
    ...changes,
  };
}

const changed = (t: CommentThread) => ({ documentId: DOC, change: 'updated', commentId: null, thread: t });

describe('a live store', () => {
  it('[L3] reads the snapshot again after a reconnection', async () => {
    const socket = new FakeSocket();
    let reads = 0;
    const store = new LiveStore({ initial: { n: 0 }, load: async () => ({ n: ++reads }) });
    store.start(socket);
    await settle();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', n: 1 });

    socket.emit('disconnect');
    socket.emit('connect');
    await settle();
    expect(reads).toBe(2);
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', n: 2 });
  });

  it('[L3] keeps what it holds when the read after a reconnection fails, and says why', async () => {
    const socket = new FakeSocket();
    const failure = new TypeError('Failed to fetch');
    let fail = false;
    const store = new LiveStore({
      initial: { n: 0 },
      load: async () => {
        if (fail) throw failure;
        return { n: 1 };
      },
    });
    store.start(socket);
    await settle();
    fail = true;
    socket.emit('connect');
    await settle();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', error: failure, n: 1 });
  });

  it('[L3] says "error" when the first read fails', async () => {
    const store = new LiveStore({
      initial: { n: 0 },
      load: async () => {
        throw new Error('down');
      },
    });
    store.start(null);
    await settle();
    expect(store.getSnapshot().status).toBe('error');
  });

  it('[L2] a snapshot read before a live event does not undo it', async () => {
    const socket = new FakeSocket();
    const read = deferred<readonly CommentThread[]>();
    const store = new CommentsStore(DOC, () => read.promise);
    store.start(socket);
    // The event arrives while the first read is on its way; the read was answered before it happened.
    socket.emit(SocketEvent.CommentThreadChanged, changed(thread('a', { status: 'resolved', lastActivityAt: '2026-01-02T00:00:00.000Z' })));
    read.resolve([thread('a'), thread('b')]);
    await settle();
    expect(store.getSnapshot().byId.get('a')?.status).toBe('resolved');
    expect(
      store
        .getSnapshot()
        .threads.map((t) => t.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('[L1] a duplicate event changes nothing and tells nobody', async () => {
    const socket = new FakeSocket();
    const store = new CommentsStore(DOC, async () => [thread('a')]);
    store.start(socket);
    await settle();
    let told = 0;
    store.subscribe(() => {
      told += 1;
    });
    const resolved = thread('a', { status: 'resolved', lastActivityAt: '2026-01-02T00:00:00.000Z' });
    socket.emit(SocketEvent.CommentThreadChanged, changed(resolved));
    const after = store.getSnapshot();
    socket.emit(SocketEvent.CommentThreadChanged, changed({ ...resolved }));
    expect(told).toBe(1);
    expect(store.getSnapshot()).toBe(after);
  });

  it('[L1] an event older than what is held, arriving late, is ignored', async () => {
    const socket = new FakeSocket();
    const store = new CommentsStore(DOC, async () => [thread('a', { status: 'resolved', lastActivityAt: '2026-01-03T00:00:00.000Z' })]);
    store.start(socket);
    await settle();
    socket.emit(SocketEvent.CommentThreadChanged, changed(thread('a', { status: 'open', lastActivityAt: '2026-01-02T00:00:00.000Z' })));
    expect(store.getSnapshot().byId.get('a')?.status).toBe('resolved');
  });

  it('ignores events about another document', async () => {
    const socket = new FakeSocket();
    const store = new CommentsStore(DOC, async () => []);
    store.start(socket);
    await settle();
    socket.emit(SocketEvent.CommentThreadChanged, { ...changed(thread('x')), documentId: OTHER_DOC });
    expect(store.getSnapshot().threads).toEqual([]);
  });

  it("[L4] keeps a clause's list of threads the same array while another clause gets a thread", async () => {
    const socket = new FakeSocket();
    const store = new CommentsStore(DOC, async () => [thread('a'), thread('b', { clauseId: 'c2' })]);
    store.start(socket);
    await settle();
    const c1 = store.getSnapshot().byClause.get('c1');
    socket.emit(SocketEvent.CommentThreadChanged, changed(thread('c', { clauseId: 'c2', createdAt: '2026-01-05T00:00:00.000Z' })));
    expect(store.getSnapshot().byClause.get('c1')).toBe(c1);
    expect(
      store
        .getSnapshot()
        .byClause.get('c2')
        ?.map((t) => t.id),
    ).toEqual(['c', 'b']);
    expect(store.getSnapshot().openCounts.get('c2')).toBe(2);
  });

  it('[L5] gathers a burst of reasons to read again into one read, once they rest', async () => {
    jest.useFakeTimers();
    try {
      const socket = new FakeSocket();
      let reads = 0;
      const store = new LiveStore({
        initial: { n: 0 },
        load: async () => ({ n: ++reads }),
        settleMs: 500,
        events: { [SocketEvent.DocumentStatusChanged]: () => RELOAD },
      });
      store.start(socket);
      expect(reads).toBe(1);
      for (let i = 0; i < 5; i++) {
        socket.emit(SocketEvent.DocumentStatusChanged, { documentId: DOC, status: 'frozen' });
        jest.advanceTimersByTime(100);
      }
      expect(reads).toBe(1);
      jest.advanceTimersByTime(500);
      expect(reads).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('follows the socket once however many components keep it live, and stops with the last', async () => {
    const socket = new FakeSocket();
    let reads = 0;
    const store = new CommentsStore(DOC, async () => {
      reads += 1;
      return [];
    });
    const stopFirst = store.start(socket);
    const stopSecond = store.start(socket);
    await settle();
    expect(reads).toBe(1);
    expect(socket.count(SocketEvent.CommentThreadChanged)).toBe(1);
    stopFirst();
    expect(socket.count('connect')).toBe(1);
    stopSecond();
    expect(socket.count('connect')).toBe(0);
    expect(socket.count(SocketEvent.CommentThreadChanged)).toBe(0);
    // Started again later: what happened meanwhile was not heard, so it reads again.
    store.start(socket);
    await settle();
    expect(reads).toBe(2);
  });
});

describe("the activity feed's store", () => {
  const event = (id: string, occurredAt: string): ActivityEvent =>
    ({
      id,
      action: 'comment.created',
      occurredAt,
      actor: null,
      subject: {},
    }) as unknown as ActivityEvent;

  it('puts what is new on top after an event, and shows each event once', async () => {
    jest.useFakeTimers();
    try {
      const socket = new FakeSocket();
      let newest: ActivityPage = { events: [event('2', 'b'), event('1', 'a')], nextBefore: 'x' };
      const store = new ActivityStore(DOC, async () => newest);
      store.start(socket);
      await jest.advanceTimersByTimeAsync(0);
      newest = { events: [event('3', 'c'), event('2', 'b')], nextBefore: 'y' };
      socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval: {} });
      socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval: {} });
      await jest.advanceTimersByTimeAsync(600);
      expect(store.getSnapshot().events.map((e) => e.id)).toEqual(['3', '2', '1']);
      // The older pages already read stay where they start.
      expect(store.getSnapshot().nextBefore).toBe('x');
    } finally {
      jest.useRealTimers();
    }
  });

  it('adds an older page once, however often its answer comes', async () => {
    const pages: Record<string, ActivityPage> = {
      newest: { events: [event('2', 'b')], nextBefore: 'p2' },
      p2: { events: [event('1', 'a')], nextBefore: null },
    };
    const store = new ActivityStore(DOC, async (before) => pages[before ?? 'newest']);
    store.start(null);
    await settle();
    await Promise.all([store.more(), store.more()]);
    expect(store.getSnapshot().events.map((e) => e.id)).toEqual(['2', '1']);
    expect(store.getSnapshot().nextBefore).toBeNull();
  });
});
