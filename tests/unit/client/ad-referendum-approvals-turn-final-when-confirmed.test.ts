/**
 * Ad referendum approvals in the client (issue 16): the approvals store (client/src/approvals/approvals-store.ts)
 * sends `adReferendum`, applies the answer of "Confirm for the capital", and takes the confirmed record
 * from a socket event or a reload — the same approval, now final — while an older copy arriving later
 * never turns it back; and the marks and sentences every badge and matrix cell shows
 * (client/src/approvals/approval-marks.ts), in English and Spanish.
 */
import * as Y from 'yjs';
import i18next from 'i18next';
import { ApprovalsStore, type ApprovalsApi } from '../../../client/src/approvals/approvals-store';
import { approvalDetail, approvalMark, statusWord } from '../../../client/src/approvals/approval-marks';
import { FakeSocket, settle } from '../../utils/fake-live-socket';
import { SocketEvent } from '../../../shared/src/protocol';
import type { ApprovalMatrix, ApprovalRecord, ApproveClauseBody, ConfirmForCapitalBody, MatrixClause } from '../../../shared/src/api/approvals';
import { clauseTextState } from '../../../shared/src/approval-status';
import { DEFAULT_LANGUAGES, insertClause } from '../../../shared/src/index';
import { resources, NAMESPACES } from '../../../shared/locales';
import { doc, p } from '../shared/builders';

jest.mock('../../../client/src/app/i18n', () => ({ uiLanguage: () => 'en' }));

const DOC = '00000000-0000-4000-8000-0000000000d1';
const GT = '00000000-0000-4000-8000-0000000000a2';
const delegate = { id: '00000000-0000-4000-8000-000000000001', displayName: 'José Ixcot' };
const head = { id: '00000000-0000-4000-8000-000000000002', displayName: 'Carmen Morales' };
const origin = { kind: 'test' };

function oneClause(): Y.Doc {
  const ydoc = new Y.Doc();
  insertClause(
    ydoc,
    { id: 'a', kind: 'clause', content: { en: doc(p('The Parties agree.')), es: doc(p('Las Partes acuerdan.')) } },
    DEFAULT_LANGUAGES,
    null,
    origin,
  );
  return ydoc;
}

function adReferendumOf(ydoc: Y.Doc, id = '7'): ApprovalRecord {
  const state = clauseTextState(ydoc, 'a', DEFAULT_LANGUAGES);
  return {
    id,
    clauseId: 'a',
    participantId: GT,
    fingerprint: state.fingerprint!,
    languageHashes: state.languageHashes,
    approvedBy: delegate,
    approvedAt: '2026-12-07T10:00:00.000Z',
    concordanceAtApproval: 'unconfirmed',
    adReferendum: true,
    confirmedBy: null,
    confirmedAt: null,
  };
}

const confirmed = (approval: ApprovalRecord): ApprovalRecord => ({
  ...approval,
  adReferendum: false,
  confirmedBy: head,
  confirmedAt: '2026-12-07T11:30:00.000Z',
});

function matrixOf(approvals: ApprovalRecord[]): ApprovalMatrix {
  return {
    documentId: DOC,
    documentStatus: 'draft',
    languages: [...DEFAULT_LANGUAGES],
    clauses: [
      {
        clauseId: 'a',
        kind: 'clause',
        fingerprint: null,
        languageHashes: {},
        statuses: {},
        approvals: Object.fromEntries(approvals.map((a) => [a.participantId, a])),
        concordance: { status: 'unconfirmed', changedLanguages: [], confirmation: null },
      },
    ] as MatrixClause[],
    progress: {},
    readiness: { ready: false, approved: 0, total: 0 },
    participants: [{ id: GT, code: 'GT', name: { en: 'Guatemala', es: 'Guatemala' }, color: '#654321' }],
  };
}

async function openStore(held: ApprovalRecord[] = []) {
  const ydoc = oneClause();
  const socket = new FakeSocket();
  let answer = matrixOf(held);
  const sent: { approve: ApproveClauseBody[]; confirm: ConfirmForCapitalBody[] } = { approve: [], confirm: [] };
  const api: ApprovalsApi = {
    fetchMatrix: async () => answer,
    approve: async (_clauseId, body) => {
      sent.approve.push(body);
      return { approval: { ...adReferendumOf(ydoc), adReferendum: body.adReferendum === true } };
    },
    confirmForCapital: async (_clauseId, body) => {
      sent.confirm.push(body);
      return { approval: confirmed(adReferendumOf(ydoc)) };
    },
    revoke: async () => {
      throw new Error('not used');
    },
    confirmConcordance: async () => {
      throw new Error('not used');
    },
  };
  const store = new ApprovalsStore(DOC, ydoc, api);
  store.start(socket);
  await settle();
  return { ydoc, socket, store, sent, answer: (next: ApprovalRecord[]) => (answer = matrixOf(next)) };
}

describe('ad referendum approvals in the approvals store', () => {
  it('sends adReferendum only when the person approves ad referendum', async () => {
    const { store, ydoc, sent } = await openStore();
    const fingerprint = clauseTextState(ydoc, 'a', DEFAULT_LANGUAGES).fingerprint!;
    await store.approve('a', GT, fingerprint, true);
    expect(sent.approve[0]).toEqual({ participantId: GT, fingerprint, acknowledgeConcordance: true });
    await store.approve('a', GT, fingerprint, true, true);
    expect(sent.approve[1]).toEqual({ participantId: GT, fingerprint, acknowledgeConcordance: true, adReferendum: true });
  });

  it('applies the answer of "Confirm for the capital": the same approval, now final, still approved', async () => {
    const ydoc = oneClause();
    const { store, sent } = await openStore([adReferendumOf(ydoc)]);
    const before = store.clause('a')!;
    expect(before.approvals[GT].adReferendum).toBe(true);
    expect(before.statuses[GT]).toBe('approved');

    await store.confirmForCapital('a', GT, before.approvals[GT].fingerprint);
    expect(sent.confirm).toEqual([{ participantId: GT, fingerprint: before.approvals[GT].fingerprint }]);
    const after = store.clause('a')!;
    expect(after).not.toBe(before);
    expect(after.approvals[GT]).toMatchObject({ id: '7', adReferendum: false, confirmedBy: head });
    expect(after.statuses[GT]).toBe('approved');
  });

  it('takes the confirmation from the socket event, and an older ad referendum copy arriving later changes nothing', async () => {
    const ydoc = oneClause();
    const { store, socket } = await openStore([adReferendumOf(ydoc)]);
    socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval: confirmed(adReferendumOf(ydoc)) });
    const row = store.clause('a')!;
    expect(row.approvals[GT].adReferendum).toBe(false);
    socket.emit(SocketEvent.ApprovalRecorded, { documentId: DOC, approval: adReferendumOf(ydoc) });
    expect(store.clause('a')).toBe(row);
  });

  it('takes the confirmation from a reload after a reconnection (the same approval id, another state)', async () => {
    const ydoc = oneClause();
    const { store, answer } = await openStore([adReferendumOf(ydoc)]);
    const before = store.clause('a')!;
    answer([confirmed(adReferendumOf(ydoc))]);
    await store.reload();
    expect(store.clause('a')).not.toBe(before);
    expect(store.clause('a')!.approvals[GT].confirmedBy).toEqual(head);
    // The same answer again keeps the very same row.
    const confirmedRow = store.clause('a');
    await store.reload();
    expect(store.clause('a')).toBe(confirmedRow);
  });
});

describe('how an approval reads', () => {
  const i18n = i18next.createInstance();
  beforeAll(() => i18n.init({ lng: 'en', fallbackLng: 'en', resources, ns: NAMESPACES, defaultNS: 'common', interpolation: { escapeValue: false } }));
  const ydoc = oneClause();

  it('marks an approval awaiting the capital "✓ᵃʳ", a final or confirmed one "✓", and never an empty cell', () => {
    expect(approvalMark('approved', adReferendumOf(ydoc))).toBe('✓ᵃʳ');
    expect(approvalMark('outdated', adReferendumOf(ydoc))).toBe('!ᵃʳ');
    expect(approvalMark('approved', confirmed(adReferendumOf(ydoc)))).toBe('✓');
    expect(approvalMark('not_approved', undefined)).toBe('–');
  });

  it('says who approved ad referendum and that the capital is awaited, then who confirmed it, in English and Spanish', async () => {
    await i18n.changeLanguage('en');
    expect(statusWord(i18n.t, 'approved', adReferendumOf(ydoc))).toBe('Approved ad referendum');
    expect(approvalDetail(i18n.t, 'approved', adReferendumOf(ydoc), 'en')).toMatch(
      /^approved ad referendum by José Ixcot on .*2026.*, awaiting confirmation by the capital$/,
    );
    expect(approvalDetail(i18n.t, 'approved', confirmed(adReferendumOf(ydoc)), 'en')).toMatch(
      /^approved by José Ixcot, .*; confirmed for the capital by Carmen Morales, .*2026/,
    );
    expect(approvalDetail(i18n.t, 'outdated', adReferendumOf(ydoc), 'en')).toMatch(/awaiting confirmation by the capital; the text changed since$/);

    await i18n.changeLanguage('es');
    expect(statusWord(i18n.t, 'approved', adReferendumOf(ydoc))).toBe('Aprobada ad referéndum');
    expect(approvalDetail(i18n.t, 'approved', adReferendumOf(ydoc), 'es')).toMatch(
      /^aprobada ad referéndum por José Ixcot el .*, pendiente de confirmación por la capital$/,
    );
    expect(approvalDetail(i18n.t, 'approved', confirmed(adReferendumOf(ydoc)), 'es')).toMatch(/confirmada en nombre de la capital por Carmen Morales/);
  });
});
