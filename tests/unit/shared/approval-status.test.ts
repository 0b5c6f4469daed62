import * as Y from 'yjs';
import {
  approvalStatus,
  clauseTextState,
  concordanceState,
  documentReadiness,
  documentTextState,
  participantProgress,
} from '../../../shared/src/approval-status';
import { applyApprovalEvent, deriveMatrixClauses, emptyMatrixRecords, filterMatrixClauses, recordsOfMatrix } from '../../../shared/src/approval-matrix';
import type { ApprovalRecord, ConcordanceRecord } from '../../../shared/src/api/approvals';
import { clauseFingerprint, clauseFragment, DEFAULT_LANGUAGES, deleteClause, insertClause, readClauseJSON } from '../../../shared/src/index';
import { doc, p } from './builders';

const origin = { kind: 'server', reason: 'seed' };

/** Types at the end of the first paragraph, as an editor would. */
function typeInto(ydoc: Y.Doc, clauseId: string, lang: string, text: string): void {
  ydoc.transact(() => {
    const paragraph = clauseFragment(ydoc, clauseId, lang).get(0) as Y.XmlElement;
    const target = paragraph.get(0) as Y.XmlText;
    target.insert(target.length, text);
  }, origin);
}
const user = { id: '00000000-0000-4000-8000-000000000001', displayName: 'María' };
const US = '00000000-0000-4000-8000-0000000000a1';
const GT = '00000000-0000-4000-8000-0000000000a2';

function twoClauses(): Y.Doc {
  const ydoc = new Y.Doc();
  insertClause(
    ydoc,
    {
      id: 'a',
      kind: 'clause',
      content: { en: doc(p('The Participants intend to cooperate.')), es: doc(p('Los Participantes tienen la intención de cooperar.')) },
    },
    DEFAULT_LANGUAGES,
    null,
    origin,
  );
  insertClause(
    ydoc,
    { id: 'b', kind: 'heading', content: { en: doc(p('Border security')), es: doc(p('Seguridad fronteriza')) } },
    DEFAULT_LANGUAGES,
    'a',
    origin,
  );
  return ydoc;
}

const approvalOf = (clauseId: string, participantId: string, fingerprint: string, id = '1'): ApprovalRecord => ({
  id,
  clauseId,
  participantId,
  fingerprint,
  languageHashes: {},
  approvedBy: user,
  approvedAt: '2019-02-20T10:00:00.000Z',
  concordanceAtApproval: 'concordant',
  adReferendum: false,
  confirmedBy: null,
  confirmedAt: null,
});

describe('clauseTextState', () => {
  it('[A1] gives the same fingerprint as clauseFingerprint over the clause texts', () => {
    const ydoc = twoClauses();
    const state = clauseTextState(ydoc, 'a', DEFAULT_LANGUAGES);
    const texts = Object.fromEntries(DEFAULT_LANGUAGES.map((lang) => [lang, readClauseJSON(ydoc, 'a', lang)]));
    expect(state.fingerprint).toBe(clauseFingerprint({ kind: 'clause', texts }));
    expect(Object.keys(state.languageHashes)).toEqual(['en', 'es']);
  });

  it('[A1] changes the fingerprint when either language changes, and only that language hash', () => {
    const ydoc = twoClauses();
    const before = clauseTextState(ydoc, 'a', DEFAULT_LANGUAGES);
    typeInto(ydoc, 'a', 'es', ' ');
    const after = clauseTextState(ydoc, 'a', DEFAULT_LANGUAGES);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.languageHashes.en).toBe(before.languageHashes.en);
    expect(after.languageHashes.es).not.toBe(before.languageHashes.es);
  });

  it('lists only visible clauses, in order', () => {
    const ydoc = twoClauses();
    deleteClause(ydoc, 'a', origin);
    expect(documentTextState(ydoc, DEFAULT_LANGUAGES).map((s) => s.clauseId)).toEqual(['b']);
  });

  it('[A1] reports a clause that breaks the layout as text that cannot be hashed, and the others as they are', () => {
    const damages: Array<(entry: Y.Map<unknown>) => void> = [
      (entry) => entry.set('kind', 'bogus'),
      (entry) => entry.set('es', 'texto'),
      (entry) => entry.delete('en'),
      (entry) => (entry.get('en') as Y.XmlFragment).insert(0, [new Y.XmlElement('script')]),
    ];
    for (const damage of damages) {
      const ydoc = twoClauses();
      const intact = clauseTextState(ydoc, 'b', DEFAULT_LANGUAGES);
      ydoc.transact(() => damage(ydoc.getMap<Y.Map<unknown>>('clauses').get('a')!), origin);
      const [a, b] = documentTextState(ydoc, DEFAULT_LANGUAGES);
      expect(a).toMatchObject({ clauseId: 'a', kind: 'clause', fingerprint: null });
      expect(b).toEqual(intact);
    }
  });
});

describe('approvalStatus', () => {
  it('[A2] is approved while the fingerprints are equal, outdated when not, not_approved without an approval', () => {
    expect(approvalStatus('f1', { fingerprint: 'f1' })).toBe('approved');
    expect(approvalStatus('f2', { fingerprint: 'f1' })).toBe('outdated');
    expect(approvalStatus('f1', null)).toBe('not_approved');
  });

  it('[A2] never calls a clause whose text cannot be hashed approved', () => {
    expect(approvalStatus(null, { fingerprint: 'f1' })).toBe('outdated');
  });
});

describe('concordanceState', () => {
  it('[A3] is concordant with equal hashes, unconfirmed without a confirmation', () => {
    expect(concordanceState({ en: 'h1', es: 'h2' }, { languageHashes: { en: 'h1', es: 'h2' } })).toEqual({ status: 'concordant', changedLanguages: [] });
    expect(concordanceState({ en: 'h1', es: 'h2' }, null)).toEqual({ status: 'unconfirmed', changedLanguages: [] });
  });

  it('[A3] goes stale from either side and names the language that changed', () => {
    expect(concordanceState({ en: 'x', es: 'h2' }, { languageHashes: { en: 'h1', es: 'h2' } })).toEqual({ status: 'stale', changedLanguages: ['en'] });
    expect(concordanceState({ en: 'h1', es: 'x' }, { languageHashes: { en: 'h1', es: 'h2' } })).toEqual({ status: 'stale', changedLanguages: ['es'] });
    expect(concordanceState({ en: 'x', es: 'y' }, { languageHashes: { en: 'h1', es: 'h2' } }).changedLanguages).toEqual(['en', 'es']);
  });
});

describe('progress and readiness', () => {
  const rows = [{ statuses: { [US]: 'approved' as const, [GT]: 'approved' as const } }, { statuses: { [US]: 'approved' as const, [GT]: 'outdated' as const } }];

  it('counts each Participant’s approved, outdated and missing clauses', () => {
    expect(participantProgress(rows, [US, GT])).toEqual({
      [US]: { approved: 2, outdated: 0, notApproved: 0, held: 0, total: 2 },
      [GT]: { approved: 1, outdated: 1, notApproved: 0, held: 0, total: 2 },
    });
  });

  it('[A4] is ready only when every clause is approved by every Participant', () => {
    expect(documentReadiness(rows, [US, GT])).toEqual({ ready: false, approved: 3, total: 4 });
    expect(documentReadiness(rows.slice(0, 1), [US, GT]).ready).toBe(true);
    expect(documentReadiness([], [US, GT]).ready).toBe(false);
  });
});

describe('the matrix derived from a Y.Doc', () => {
  it('turns a cell outdated the moment either language changes in the Y.Doc', () => {
    const ydoc = twoClauses();
    const fingerprint = clauseTextState(ydoc, 'a', DEFAULT_LANGUAGES).fingerprint!;
    const records = { approvals: { a: { [US]: approvalOf('a', US, fingerprint) } }, confirmations: {} };
    const derive = () => deriveMatrixClauses(documentTextState(ydoc, DEFAULT_LANGUAGES), [US, GT], records);
    expect(derive()[0].statuses).toEqual({ [US]: 'approved', [GT]: 'not_approved' });
    typeInto(ydoc, 'a', 'en', '!');
    expect(derive()[0].statuses[US]).toBe('outdated');
  });

  it('filters "outdated", "missing Guatemala" (by code or id) and flagged concordance', () => {
    const ydoc = twoClauses();
    const [a, b] = documentTextState(ydoc, DEFAULT_LANGUAGES);
    const confirmation: ConcordanceRecord = {
      id: '1',
      clauseId: 'b',
      languageHashes: b.languageHashes,
      confirmedBy: user,
      confirmedAt: '2019-02-20T10:00:00.000Z',
    };
    const records = {
      approvals: { a: { [US]: approvalOf('a', US, 'old'), [GT]: approvalOf('a', GT, a.fingerprint!) }, b: { [US]: approvalOf('b', US, b.fingerprint!) } },
      confirmations: { b: confirmation },
    };
    const clauses = deriveMatrixClauses([a, b], [US, GT], records);
    const participants = [
      { id: US, code: 'US' },
      { id: GT, code: 'GT' },
    ];
    const ids = (filter: Parameters<typeof filterMatrixClauses>[2]) => filterMatrixClauses(clauses, participants, filter).map((c) => c.clauseId);
    expect(ids({ status: 'outdated' })).toEqual(['a']);
    expect(ids({ missing: 'GT' })).toEqual(['b']);
    expect(ids({ missing: 'gt' })).toEqual(['b']);
    expect(ids({ missing: US })).toEqual(['a']);
    expect(ids({ missing: 'MX' })).toEqual([]);
    expect(ids({ status: 'concordance_flagged' })).toEqual(['a']);
    expect(ids({})).toEqual(['a', 'b']);
    expect(recordsOfMatrix(clauses)).toEqual(records);
  });

  it('applies socket events, ignoring ones older than what it holds', () => {
    const base = emptyMatrixRecords();
    const first = applyApprovalEvent(base, { type: 'recorded', payload: { documentId: 'd', approval: approvalOf('a', US, 'f1', '5') } });
    expect(base).toEqual(emptyMatrixRecords());
    expect(first.approvals.a[US].fingerprint).toBe('f1');
    const stale = applyApprovalEvent(first, { type: 'recorded', payload: { documentId: 'd', approval: approvalOf('a', US, 'f0', '4') } });
    expect(stale).toBe(first);
    const revokedOther = applyApprovalEvent(first, {
      type: 'revoked',
      payload: { documentId: 'd', clauseId: 'a', participantId: US, approvalId: '4', revokedBy: user, revokedAt: '2019-02-20T10:00:00.000Z' },
    });
    expect(revokedOther).toBe(first);
    const revoked = applyApprovalEvent(first, {
      type: 'revoked',
      payload: { documentId: 'd', clauseId: 'a', participantId: US, approvalId: '5', revokedBy: user, revokedAt: '2019-02-20T10:00:00.000Z' },
    });
    expect(revoked.approvals.a).toEqual({});
    const confirmed = applyApprovalEvent(revoked, {
      type: 'confirmed',
      payload: {
        documentId: 'd',
        confirmation: { id: '2', clauseId: 'a', languageHashes: { en: 'x' }, confirmedBy: user, confirmedAt: '2019-02-20T10:00:00.000Z' },
      },
    });
    expect(confirmed.confirmations.a.id).toBe('2');
  });
});
