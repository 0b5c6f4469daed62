/**
 * The approvals store of an open document (client/src/approvals/approvals-store.ts) on a real Y.Doc and
 * a fake socket: each clause's row is derived again only when its own text or records change, and is
 * otherwise the very same object — which is what lets React skip every other clause's badges
 * (useSyncExternalStore re-renders a component only when its selection is another object).
 */
import * as Y from 'yjs';
import { ApprovalsStore, type ApprovalsApi } from '../../../client/src/approvals/approvals-store';
import { FakeSocket, settle } from '../../utils/fake-live-socket';
import { SocketEvent } from '../../../shared/src/protocol';
import type { ApprovalMatrix, ApprovalRecord, MatrixClause } from '../../../shared/src/api/approvals';
import { clauseTextState } from '../../../shared/src/approval-status';
import { clauseFragment, DEFAULT_LANGUAGES, insertClause } from '../../../shared/src/index';
import { doc, p } from '../shared/builders';

const DOC = '00000000-0000-4000-8000-0000000000d1';
const US = '00000000-0000-4000-8000-0000000000a1';
const GT = '00000000-0000-4000-8000-0000000000a2';
const user = { id: '00000000-0000-4000-8000-000000000001', displayName: 'María' };
const origin = { kind: 'test' };
const CLAUSES = ['a', 'b', 'c'];

function threeClauses(): Y.Doc {
  const ydoc = new Y.Doc();
  let after: string | null = null;
  for (const id of CLAUSES) {
    insertClause(ydoc, { id, kind: 'clause', content: { en: doc(p(`Clause ${id}.`)), es: doc(p(`Cláusula ${id}.`)) } }, DEFAULT_LANGUAGES, after, origin);
    after = id;
  }
  return ydoc;
}

function typeInto(ydoc: Y.Doc, clauseId: string, text: string): void {
  ydoc.transact(() => {
    const target = (clauseFragment(ydoc, clauseId, 'es').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    target.insert(target.length, text);
  }, origin);
}

function approvalOf(ydoc: Y.Doc, clauseId: string, participantId: string, id: string): ApprovalRecord {
  const state = clauseTextState(ydoc, clauseId, DEFAULT_LANGUAGES);
  return {
    id,
    clauseId,
    participantId,
    fingerprint: state.fingerprint!,
    languageHashes: state.languageHashes,
    approvedBy: user,
    approvedAt: '2026-02-20T10:00:00.000Z',
    concordanceAtApproval: 'unconfirmed',
    adReferendum: false,
    confirmedBy: null,
    confirmedAt: null,
  };
}

/** What GET /approvals answers: the Participants and the approvals in force (statuses are derived by the client). */
function matrixOf(approvals: ApprovalRecord[]): ApprovalMatrix {
  const clauses = CLAUSES.map((clauseId) => ({
    clauseId,
    kind: 'clause',
    fingerprint: null,
    languageHashes: {},
    statuses: {},
    approvals: Object.fromEntries(approvals.filter((a) => a.clauseId === clauseId).map((a) => [a.participantId, a])),
    concordance: { status: 'unconfirmed', changedLanguages: [], confirmation: null },
  })) as MatrixClause[];
  return {
    documentId: DOC,
    documentStatus: 'draft',
    languages: [...DEFAULT_LANGUAGES],
    clauses,
    progress: {},
    readiness: { ready: false, approved: 0, total: 0 },
    participants: [
      { id: US, code: 'US', name: { en: 'United States', es: 'Estados Unidos' }, color: '#123456' },
      { id: GT, code: 'GT', name: { en: 'Guatemala', es: 'Guatemala' }, color: '#654321' },
    ],
  };
}

async function openStore(held: ApprovalRecord[] = []) {
  const ydoc = threeClauses();
  const socket = new FakeSocket();
  let answer = matrixOf(held);
  let reads = 0;
  const api: ApprovalsApi = {
    fetchMatrix: async () => {
      reads += 1;
      return answer;
    },
    approve: async (clauseId, body) => ({ approval: { ...approvalOf(ydoc, clauseId, body.participantId, '900') } }),
    revoke: async () => {
      throw new Error('not used');
    },
    confirmConcordance: async () => {
      throw new Error('not used');
    },
    confirmForCapital: async () => {
      throw new Error('not used');
    },
  };
  const store = new ApprovalsStore(DOC, ydoc, api);
  store.start(socket);
  await settle();
  /** Counts, per clause, how often its badges would re-render: each time their selection is another object. */
  const renders = Object.fromEntries(CLAUSES.map((id) => [id, 0]));
  const selected = new Map(CLAUSES.map((id) => [id, store.clause(id)]));
  store.subscribe(() => {
    for (const id of CLAUSES) {
      const next = store.clause(id);
      if (next !== selected.get(id)) {
        renders[id] += 1;
        selected.set(id, next);
      }
    }
  });
  return {
    ydoc,
    socket,
    store,
    renders,
    reads: () => reads,
    answer: (next: ApprovalRecord[]) => {
      answer = matrixOf(next);
    },
  };
}

describe('the approvals of an open document', () => {
  it("keeps a clause's row the identical object when another clause's approval changes", async () => {
    const { ydoc, socket, store, renders } = await openStore();
    const [a, b, c] = CLAUSES.map((id) => store.clause(id));
    expect(a?.statuses[US]).toBe('not_approved');

    socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval: approvalOf(ydoc, 'b', US, '1') });

    expect(store.clause('a')).toBe(a);
    expect(store.clause('c')).toBe(c);
    expect(store.clause('b')).not.toBe(b);
    expect(store.clause('b')?.statuses[US]).toBe('approved');
    expect(renders).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('keeps the other rows when one clause is typed into, and turns its approval "outdated" at once', async () => {
    const { ydoc, store, renders } = await openStore();
    await store.approve('a', US, clauseTextState(ydoc, 'a', DEFAULT_LANGUAGES).fingerprint!, true);
    const [b, c] = ['b', 'c'].map((id) => store.clause(id));

    typeInto(ydoc, 'a', ' Y más.');

    expect(store.clause('a')?.statuses[US]).toBe('outdated');
    expect(store.clause('b')).toBe(b);
    expect(store.clause('c')).toBe(c);
    expect(renders).toEqual({ a: 2, b: 0, c: 0 });
  });

  it('keeps the rows of clauses whose records did not change through a reload after a reconnection', async () => {
    const { ydoc, socket, store, renders, reads, answer } = await openStore();
    const approval = approvalOf(ydoc, 'c', GT, '5');
    socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval });
    const rows = CLAUSES.map((id) => store.clause(id));
    // While this client was away Guatemala approved clause b; the answer also holds c's approval, as a new object.
    answer([{ ...approval }, approvalOf(ydoc, 'b', GT, '6')]);

    socket.emit('connect');
    await settle();

    expect(reads()).toBe(2);
    expect(store.clause('a')).toBe(rows[0]);
    expect(store.clause('c')).toBe(rows[2]);
    expect(store.clause('b')?.statuses[GT]).toBe('approved');
    expect(renders).toEqual({ a: 0, b: 1, c: 1 });
  });

  it('changes nothing, and tells nobody, for a duplicate approval event', async () => {
    const { ydoc, socket, store } = await openStore();
    const event = { documentId: DOC, approval: approvalOf(ydoc, 'a', US, '3') };
    socket.emit(SocketEvent.ApprovalRecorded, event);
    const snapshot = store.getSnapshot();
    let told = 0;
    store.subscribe(() => {
      told += 1;
    });
    socket.emit(SocketEvent.ApprovalRecorded, { ...event, approval: { ...event.approval } });
    expect(told).toBe(0);
    expect(store.getSnapshot()).toBe(snapshot);
  });

  it('ignores an older approval that arrives after a newer one', async () => {
    const { ydoc, socket, store } = await openStore();
    socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval: approvalOf(ydoc, 'a', US, '7') });
    socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval: { ...approvalOf(ydoc, 'a', US, '6'), approvedAt: '2026-01-01T00:00:00.000Z' } });
    expect(store.clause('a')?.approvals[US]?.id).toBe('7');
  });

  it('does not bring back an approval whose revocation arrived before it', async () => {
    const { ydoc, socket, store } = await openStore();
    socket.emit(SocketEvent.ApprovalRevoked, {
      documentId: DOC,
      clauseId: 'a',
      participantId: US,
      approvalId: '8',
      revokedBy: user,
      revokedAt: '2026-02-21T10:00:00.000Z',
    });
    socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval: approvalOf(ydoc, 'a', US, '8') });
    expect(store.clause('a')?.statuses[US]).toBe('not_approved');
  });

  it('keeps what every badge reads in common (status, languages, Participants) one object while approvals change', async () => {
    const { ydoc, socket, store } = await openStore();
    const meta = store.getSnapshot().meta;
    socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval: approvalOf(ydoc, 'a', US, '1') });
    typeInto(ydoc, 'b', '!');
    expect(store.getSnapshot().meta).toBe(meta);
    expect(meta).toMatchObject({ status: 'ready', documentStatus: 'draft', languages: ['en', 'es'] });
  });

  it('reads the document again when its status changes, and ignores events about another document', async () => {
    const { ydoc, socket, store, reads } = await openStore();
    socket.emit(SocketEvent.ApprovalRecorded, { documentId: '00000000-0000-4000-8000-0000000000d2', approval: approvalOf(ydoc, 'a', US, '1') });
    expect(store.clause('a')?.statuses[US]).toBe('not_approved');
    socket.emit(SocketEvent.DocumentStatusChanged, { documentId: DOC, status: 'frozen' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads()).toBe(2);
  });
});
