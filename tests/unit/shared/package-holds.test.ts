/**
 * Packages (issue 16): an approval conditional on a package counts only while its Participant has
 * approved every clause of it as it stands [A5]; a package is settled when every Participant has [A6];
 * the freeze needs every package settled [F7]. Derived by the same functions on both sides.
 */
import { deriveMatrixClauses, applyPackageEvent, emptyMatrixRecords, recordsOfMatrix, type MatrixRecords } from '../../../shared/src/approval-matrix';
import { documentReadiness, participantProgress, type ClauseTextState } from '../../../shared/src/approval-status';
import { packageSettlement, unheldStatusesOf } from '../../../shared/src/package-holds';
import { freezeBlockers, type BlockerClause } from '../../../shared/src/versions/freeze-blockers';
import type { ApprovalRecord } from '../../../shared/src/api/approvals';

const HN = '00000000-0000-4000-8000-0000000000a1';
const GT = '00000000-0000-4000-8000-0000000000a2';
const PKG = '00000000-0000-4000-8000-0000000000b1';
const OTHER = '00000000-0000-4000-8000-0000000000b2';
const user = { id: '00000000-0000-4000-8000-000000000001', displayName: 'Honduran delegate' };
const fp = (c: string) => c.repeat(64);

const text = (clauseId: string, fingerprint: string | null): ClauseTextState => ({ clauseId, kind: 'clause', languageHashes: {}, fingerprint });
const approval = (clauseId: string, participantId: string, fingerprint: string, packageId: string | null = null, id = '1'): ApprovalRecord => ({
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
  packageId,
});

/** Articles 8 and 12 with their current fingerprints; HN approved 8 conditional on the package {8, 12}. */
function world(overrides: Partial<Record<'a8' | 'a12', string | null>> = {}) {
  const texts = [text('a8', 'a8' in overrides ? overrides.a8! : fp('8')), text('a12', 'a12' in overrides ? overrides.a12! : fp('c'))];
  const records: MatrixRecords = {
    ...emptyMatrixRecords(),
    approvals: { a8: { [HN]: approval('a8', HN, fp('8'), PKG) } },
    packages: { [PKG]: ['a8', 'a12'] },
  };
  return { texts, records };
}

describe('conditional approvals [A5]', () => {
  it('[A5] holds a conditional approval while its Participant has not approved every clause of the package, naming the missing ones', () => {
    const { texts, records } = world();
    const [a8] = deriveMatrixClauses(texts, [HN, GT], records);
    expect(a8.statuses[HN]).toBe('held');
    expect(a8.held).toEqual({ [HN]: ['a12'] });
    expect(a8.statuses[GT]).toBe('not_approved');
  });

  it('[A5] releases it once the Participant approves the other clause as it stands', () => {
    const { texts, records } = world();
    records.approvals.a12 = { [HN]: approval('a12', HN, fp('c'), null, '2') };
    const [a8, a12] = deriveMatrixClauses(texts, [HN, GT], records);
    expect(a8.statuses[HN]).toBe('approved');
    expect(a8.held).toBeUndefined();
    expect(a12.statuses[HN]).toBe('approved');
  });

  it('[A5] holds it again the moment another clause of the package is edited (its approval outdated)', () => {
    const { texts, records } = world({ a12: fp('d') });
    records.approvals.a12 = { [HN]: approval('a12', HN, fp('c'), null, '2') };
    const [a8, a12] = deriveMatrixClauses(texts, [HN, GT], records);
    expect(a12.statuses[HN]).toBe('outdated');
    expect(a8.statuses[HN]).toBe('held');
    expect(a8.held![HN]).toEqual(['a12']);
  });

  it('[A5] leaves an outdated conditional approval outdated, not held', () => {
    const { texts, records } = world({ a8: fp('9') });
    const [a8] = deriveMatrixClauses(texts, [HN], records);
    expect(a8.statuses[HN]).toBe('outdated');
  });

  it('[A5] reads only [A2] statuses: two approvals conditional on each other’s clauses release each other', () => {
    const { texts, records } = world();
    records.approvals.a12 = { [HN]: approval('a12', HN, fp('c'), PKG, '2') };
    const rows = deriveMatrixClauses(texts, [HN], records);
    expect(rows.map((r) => r.statuses[HN])).toEqual(['approved', 'approved']);
  });

  it('[A5] holds an approval conditional on a package the reader does not know', () => {
    const { texts, records } = world();
    records.approvals.a8[HN] = approval('a8', HN, fp('8'), OTHER);
    const [a8] = deriveMatrixClauses(texts, [HN], records);
    expect(a8.statuses[HN]).toBe('held');
    expect(a8.held![HN]).toEqual([]);
  });

  it('[A5] a clause of the package no longer in the document keeps the approval held', () => {
    const { records } = world();
    records.approvals.a12 = { [HN]: approval('a12', HN, fp('c'), null, '2') };
    const [a8] = deriveMatrixClauses([text('a8', fp('8'))], [HN], records);
    expect(a8.statuses[HN]).toBe('held');
    expect(a8.held![HN]).toEqual(['a12']);
  });

  it('[A4] counts a held approval neither as approved in progress nor in readiness', () => {
    const { texts, records } = world();
    const rows = deriveMatrixClauses(texts, [HN], records);
    expect(participantProgress(rows, [HN])[HN]).toEqual({ approved: 0, outdated: 0, notApproved: 1, held: 1, total: 2 });
    expect(documentReadiness(rows, [HN])).toEqual({ ready: false, approved: 0, total: 2 });
  });

  it('follows package events: a changed package re-holds, a duplicate event changes nothing, a deleted one is forgotten', () => {
    const { texts, records } = world();
    records.approvals.a12 = { [HN]: approval('a12', HN, fp('c'), null, '2') };
    const widened = applyPackageEvent(records, { type: 'changed', packageId: PKG, clauseIds: ['a8', 'a12', 'a13'] });
    expect(deriveMatrixClauses(texts, [HN], widened)[0].held).toEqual({ [HN]: ['a13'] });
    expect(applyPackageEvent(widened, { type: 'changed', packageId: PKG, clauseIds: ['a8', 'a12', 'a13'] })).toBe(widened);
    const gone = applyPackageEvent(widened, { type: 'deleted', packageId: PKG });
    expect(gone.packages).toEqual({});
    expect(applyPackageEvent(gone, { type: 'deleted', packageId: PKG })).toBe(gone);
    expect(recordsOfMatrix(deriveMatrixClauses(texts, [HN], records), records.packages).packages).toEqual(records.packages);
  });
});

describe('settled packages [A6]', () => {
  it('[A6] is settled only when every Participant approved every clause as it stands', () => {
    const { texts, records } = world();
    const plain = unheldStatusesOf(deriveMatrixClauses(texts, [HN, GT], records));
    expect(packageSettlement(['a8', 'a12'], [HN, GT], plain)).toEqual({ settled: false, missing: { [HN]: ['a12'], [GT]: ['a8', 'a12'] } });
    records.approvals.a12 = { [HN]: approval('a12', HN, fp('c')), [GT]: approval('a12', GT, fp('c')) };
    records.approvals.a8[GT] = approval('a8', GT, fp('8'));
    const rows = deriveMatrixClauses(texts, [HN, GT], records);
    expect(packageSettlement(['a8', 'a12'], [HN, GT], unheldStatusesOf(rows))).toEqual({ settled: true, missing: { [HN]: [], [GT]: [] } });
  });

  it('[A6] reads a held cell back as its [A2] approval', () => {
    const { texts, records } = world();
    const rows = deriveMatrixClauses(texts, [HN], records);
    expect(unheldStatusesOf(rows).get('a8')).toEqual({ [HN]: 'approved' });
  });
});

describe('the freeze [F7]', () => {
  const clause = (clauseId: string, statuses: BlockerClause['statuses']): BlockerClause => ({
    clauseId,
    fingerprint: fp('f'),
    statuses,
    concordance: { status: 'concordant', changedLanguages: [] },
    texts: { en: { type: 'doc' }, es: { type: 'doc' } },
  });
  const pkg = { id: PKG, name: 'Information-sharing package', clauseIds: ['a8', 'a12'] };

  it('[F7] names the package and each missing Participant × clause, after the clauses’ own blockers', () => {
    const blockers = freezeBlockers(
      [HN, GT],
      [clause('a8', { [HN]: 'approved', [GT]: 'approved' }), clause('a12', { [HN]: 'approved', [GT]: 'outdated' })],
      [pkg],
    );
    expect(blockers).toEqual([
      { reason: 'approval_outdated', clauseId: 'a12', participantId: GT, languages: [] },
      { reason: 'package_unsettled', clauseId: 'a12', participantId: GT, languages: [], packageId: PKG, packageName: pkg.name },
    ]);
  });

  it('[F7] blocks on a clause of the package that was removed, once', () => {
    const blockers = freezeBlockers([HN], [clause('a8', { [HN]: 'approved' })], [pkg]);
    expect(blockers).toEqual([
      { reason: 'package_clause_removed', clauseId: 'a12', participantId: null, languages: [], packageId: PKG, packageName: pkg.name },
    ]);
  });

  it('[F7] lets a settled package through', () => {
    expect(freezeBlockers([HN], [clause('a8', { [HN]: 'approved' }), clause('a12', { [HN]: 'approved' })], [pkg])).toEqual([]);
  });
});
