import { canonicalJSON } from '../../../shared/src/canonical';
import type { NodeJSON } from '../../../shared/src/schema';
import { freezeBlockers, hasBrackets, type BlockerClause } from '../../../shared/src/versions/freeze-blockers';

const text = (content: NodeJSON[]) => canonicalJSON({ type: 'doc', content: [{ type: 'paragraph', content }] });
const plain = (words: string) => text([{ type: 'text', text: words }]);
const ready = (clauseId: string): BlockerClause => ({
  clauseId,
  fingerprint: 'f'.repeat(64),
  statuses: { P: 'approved', Q: 'approved' },
  concordance: { status: 'concordant', changedLanguages: [] },
  texts: { en: plain('Agreed.'), es: plain('Acordado.') },
});

describe('what stands between a text and its freeze', () => {
  it('[F1] needs at least one clause and one Participant', () => {
    expect(freezeBlockers([], [])).toEqual([
      { reason: 'no_clauses', clauseId: null, participantId: null, languages: [] },
      { reason: 'no_participants', clauseId: null, participantId: null, languages: [] },
    ]);
  });

  it('[F2] refuses bracketed text, marked or literal, naming the languages', () => {
    const marked = text([{ type: 'text', text: 'shall', marks: [{ type: 'bracket' }] }]);
    expect(hasBrackets(marked)).toBe(true);
    expect(hasBrackets(plain('[shall/should]'))).toBe(true);
    expect(hasBrackets(plain('shall'))).toBe(false);
    expect(freezeBlockers(['P', 'Q'], [{ ...ready('a'), texts: { en: marked, es: plain('Acordado.') } }])).toEqual([
      { reason: 'brackets', clauseId: 'a', participantId: null, languages: ['en'] },
    ]);
  });

  it('[F2] refuses a text that cannot be read', () => {
    expect(
      freezeBlockers(['P'], [{ ...ready('a'), fingerprint: null, statuses: { P: 'not_approved' }, texts: { en: null, es: plain('x') } }]).map((b) => b.reason),
    ).toEqual(['invalid_text', 'not_approved']);
  });

  it('[F3][F4] lists concordance first, then each Participant in order, clause by clause', () => {
    const blockers = freezeBlockers(
      ['P', 'Q'],
      [
        { ...ready('a'), statuses: { P: 'outdated', Q: 'approved' }, concordance: { status: 'stale', changedLanguages: ['es'] } },
        ready('b'),
        { ...ready('c'), statuses: { P: 'approved' }, concordance: { status: 'unconfirmed', changedLanguages: [] } },
      ],
    );
    expect(blockers).toEqual([
      { reason: 'concordance_stale', clauseId: 'a', participantId: null, languages: ['es'] },
      { reason: 'approval_outdated', clauseId: 'a', participantId: 'P', languages: [] },
      { reason: 'concordance_unconfirmed', clauseId: 'c', participantId: null, languages: [] },
      { reason: 'not_approved', clauseId: 'c', participantId: 'Q', languages: [] },
    ]);
  });

  it('[F6] needs every approval final: one given ad referendum names its clause and Participant until the capital confirms it', () => {
    const pending = { ...ready('b'), adReferendum: ['Q'] };
    expect(freezeBlockers(['P', 'Q'], [ready('a'), pending])).toEqual([{ reason: 'approval_ad_referendum', clauseId: 'b', participantId: 'Q', languages: [] }]);
    // An outdated ad referendum approval is outdated first: it must be given again.
    const outdated = { ...pending, statuses: { P: 'approved' as const, Q: 'outdated' as const } };
    expect(freezeBlockers(['P', 'Q'], [outdated])).toEqual([{ reason: 'approval_outdated', clauseId: 'b', participantId: 'Q', languages: [] }]);
  });

  it('has nothing to say when every clause is approved by everyone with confirmed concordance', () => {
    expect(freezeBlockers(['P', 'Q'], [ready('a'), ready('b')])).toEqual([]);
  });
});
