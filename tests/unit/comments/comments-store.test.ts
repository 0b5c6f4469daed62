import { CommentsStore, openCounts } from '../../../client/src/comments/comments-store';
import { DEFAULT_FILTERS, filterThreads } from '../../../client/src/comments/comment-filters';
import type { CommentThread } from '../../../shared/src/api/comments';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

function thread(id: string, changes: Partial<CommentThread> = {}): CommentThread {
  const author = { id: OTHER, displayName: 'Other', participantId: 'p-gt' };
  return {
    id,
    documentId: 'doc',
    clauseId: 'c1',
    clauseDeleted: false,
    language: 'en',
    anchor: null,
    visibility: 'all',
    participantId: 'p-gt',
    author,
    status: 'open',
    createdAt: `2026-01-01T00:00:0${id.length % 10}.000Z`,
    lastActivityAt: '2026-01-01T00:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    reopenedAt: null,
    reopenedBy: null,
    comments: [{ id, threadId: id, author, body: 'Hi', mentions: [], createdAt: '2026-01-01T00:00:00.000Z', editedAt: null, deletedAt: null }],
    ...changes,
  };
}

describe('the client’s comment store', () => {
  it('keeps a live change when an older full load arrives after it', () => {
    const store = new CommentsStore();
    store.upsert(thread('a', { status: 'resolved', lastActivityAt: '2026-01-02T00:00:00.000Z' }));
    store.reset([thread('a'), thread('b')]);
    expect(store.getSnapshot().threads.map((t) => [t.id, t.status])).toEqual(
      expect.arrayContaining([
        ['a', 'resolved'],
        ['b', 'open'],
      ]),
    );
    expect(store.getSnapshot().status).toBe('ready');
  });

  it('tells subscribers about newer versions only', () => {
    const store = new CommentsStore();
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().threads.length));
    store.upsert(thread('a', { lastActivityAt: '2026-01-02T00:00:00.000Z' }));
    store.upsert(thread('a', { lastActivityAt: '2026-01-01T00:00:00.000Z' }));
    expect(seen).toEqual([1]);
  });

  it('counts open threads per clause', () => {
    expect(openCounts([thread('a'), thread('b', { clauseId: 'c2' }), thread('c', { status: 'resolved' })])).toEqual(
      new Map([
        ['c1', 1],
        ['c2', 1],
      ]),
    );
  });
});

describe('the document-wide list’s filters', () => {
  const viewer = { userId: ME, permissions: [] };
  const mine = thread('mine', { comments: [{ ...thread('mine').comments[0], author: { id: ME, displayName: 'Me', participantId: null } }] });
  const mentioning = thread('mention', { language: 'es', comments: [{ ...thread('mention').comments[0], mentions: [{ id: ME, displayName: 'Me' }] }] });
  const whole = thread('whole', { language: null, status: 'resolved', participantId: 'p-hn' });
  const all = [mine, mentioning, whole];

  it('shows open threads by default', () => {
    expect(filterThreads(all, DEFAULT_FILTERS, viewer).map((t) => t.id)).toEqual(['mine', 'mention']);
  });

  it('filters by language, whole clause, Participant, mine and mentioning me', () => {
    const any = { ...DEFAULT_FILTERS, status: 'all' as const };
    expect(filterThreads(all, { ...any, language: 'es' }, viewer).map((t) => t.id)).toEqual(['mention']);
    expect(filterThreads(all, { ...any, language: 'none' }, viewer).map((t) => t.id)).toEqual(['whole']);
    expect(filterThreads(all, { ...any, participantId: 'p-hn' }, viewer).map((t) => t.id)).toEqual(['whole']);
    expect(filterThreads(all, { ...any, mine: true }, viewer).map((t) => t.id)).toEqual(['mine']);
    expect(filterThreads(all, { ...any, mentioningMe: true }, viewer).map((t) => t.id)).toEqual(['mention']);
  });
});
