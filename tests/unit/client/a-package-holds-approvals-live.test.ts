/**
 * The approvals store of an open document (client/src/approvals/approvals-store.ts) with packages [A5]:
 * an approval conditional on a package is held the moment another clause of the package is typed into
 * in this client's own Y.Doc, released when that clause is approved again, and follows the package
 * events — and a row whose holds did not change stays the same object (its badges do not re-render).
 */
import * as Y from 'yjs';
import { ApprovalsStore, type ApprovalsApi } from '../../../client/src/approvals/approvals-store';
import { FakeSocket, settle } from '../../utils/fake-live-socket';
import { SocketEvent } from '../../../shared/src/protocol';
import type { ApprovalMatrix, ApprovalRecord, MatrixClause } from '../../../shared/src/api/approvals';
import type { PackageRecord } from '../../../shared/src/api/packages';
import { clauseTextState } from '../../../shared/src/approval-status';
import { clauseFragment, DEFAULT_LANGUAGES, insertClause } from '../../../shared/src/index';
import { doc, p } from '../shared/builders';

const DOC = '00000000-0000-4000-8000-0000000000d1';
const HN = '00000000-0000-4000-8000-0000000000a1';
const PKG = '00000000-0000-4000-8000-0000000000b1';
const user = { id: '00000000-0000-4000-8000-000000000001', displayName: 'María Fernanda Zelaya' };
const origin = { kind: 'test' };
const CLAUSES = ['a7', 'a8', 'a12'];

function clauses(): Y.Doc {
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
    const target = (clauseFragment(ydoc, clauseId, 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    target.insert(target.length, text);
  }, origin);
}

function approvalOf(ydoc: Y.Doc, clauseId: string, id: string, packageId: string | null = null): ApprovalRecord {
  const state = clauseTextState(ydoc, clauseId, DEFAULT_LANGUAGES);
  return {
    id,
    clauseId,
    participantId: HN,
    fingerprint: state.fingerprint!,
    languageHashes: state.languageHashes,
    approvedBy: user,
    approvedAt: '2026-02-20T10:00:00.000Z',
    concordanceAtApproval: 'unconfirmed',
    adReferendum: false,
    confirmedBy: null,
    confirmedAt: null,
    packageId,
  };
}

const packageOf = (clauseIds: string[], updatedAt = '2026-02-20T10:00:00.000Z'): PackageRecord => ({
  id: PKG,
  documentId: DOC,
  name: 'Information-sharing package',
  participantId: HN,
  createdBy: user,
  createdAt: '2026-02-20T10:00:00.000Z',
  updatedAt,
  clauseIds,
});

async function openStore() {
  const ydoc = clauses();
  const socket = new FakeSocket();
  const approvals = [approvalOf(ydoc, 'a8', '1', PKG), approvalOf(ydoc, 'a12', '2')];
  const answer: ApprovalMatrix = {
    documentId: DOC,
    documentStatus: 'draft',
    languages: [...DEFAULT_LANGUAGES],
    clauses: CLAUSES.map((clauseId) => ({
      clauseId,
      kind: 'clause',
      fingerprint: null,
      languageHashes: {},
      statuses: {},
      approvals: Object.fromEntries(approvals.filter((a) => a.clauseId === clauseId).map((a) => [HN, a])),
      concordance: { status: 'unconfirmed', changedLanguages: [], confirmation: null },
    })) as MatrixClause[],
    progress: {},
    readiness: { ready: false, approved: 0, total: 0 },
    participants: [{ id: HN, code: 'HN', name: { en: 'Honduras', es: 'Honduras' }, color: '#0b3d91' }],
    packages: { [PKG]: ['a8', 'a12'] },
  };
  const api: ApprovalsApi = {
    fetchMatrix: async () => answer,
    approve: async (clauseId) => ({ approval: approvalOf(ydoc, clauseId, '900') }),
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
  return { ydoc, socket, store };
}

describe('a package in an open document', () => {
  it('[A5] holds Article 8 the moment Article 12 is typed into, naming it, and releases it when Article 12 is approved again', async () => {
    const { ydoc, store } = await openStore();
    expect(store.clause('a8')?.statuses[HN]).toBe('approved');

    typeInto(ydoc, 'a12', ' And more.');
    expect(store.clause('a12')?.statuses[HN]).toBe('outdated');
    expect(store.clause('a8')?.statuses[HN]).toBe('held');
    expect(store.clause('a8')?.held).toEqual({ [HN]: ['a12'] });
    expect(store.getSnapshot().progress[HN]).toMatchObject({ approved: 0, held: 1, outdated: 1 });

    await store.approve('a12', HN, clauseTextState(ydoc, 'a12', DEFAULT_LANGUAGES).fingerprint!, true);
    expect(store.clause('a8')?.statuses[HN]).toBe('approved');
    expect(store.getSnapshot().progress[HN]).toMatchObject({ approved: 2, held: 0 });
  });

  it('keeps a held row the same object while its holds stay the same, and an unrelated row untouched', async () => {
    const { ydoc, store } = await openStore();
    typeInto(ydoc, 'a12', ' And more.');
    const [a7, a8] = [store.clause('a7'), store.clause('a8')];
    typeInto(ydoc, 'a12', ' Still more.');
    expect(store.clause('a8')).toBe(a8);
    expect(store.clause('a7')).toBe(a7);
  });

  it('follows the package events: widened, Article 8 waits for Article 7 too; deleted, nothing holds it but a package it no longer knows', async () => {
    const { socket, store } = await openStore();
    socket.emit(SocketEvent.PackageChanged, { documentId: DOC, package: packageOf(['a8', 'a12', 'a7'], '2026-02-21T10:00:00.000Z') });
    expect(store.clause('a8')?.held).toEqual({ [HN]: ['a7'] });
    socket.emit(SocketEvent.PackageChanged, { documentId: '00000000-0000-4000-8000-0000000000d2', package: packageOf(['a8']) });
    expect(store.clause('a8')?.held).toEqual({ [HN]: ['a7'] });
    socket.emit(SocketEvent.PackageDeleted, { documentId: DOC, packageId: PKG });
    expect(store.clause('a8')?.statuses[HN]).toBe('held');
    expect(store.clause('a8')?.held).toEqual({ [HN]: [] });
  });
});
