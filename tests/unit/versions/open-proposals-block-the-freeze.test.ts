import { canonicalJSON } from '../../../shared/src/canonical';
import { freezeBlockers, type BlockerClause } from '../../../shared/src/versions/freeze-blockers';

const plain = (words: string) => canonicalJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] });
const ready = (clauseId: string): BlockerClause => ({
  clauseId,
  fingerprint: 'f'.repeat(64),
  statuses: { P: 'approved', Q: 'approved' },
  concordance: { status: 'concordant', changedLanguages: [] },
  texts: { en: plain('Agreed.'), es: plain('Acordado.') },
});

describe('[F5] open proposals stand between a text and its freeze', () => {
  it('blocks once per clause, naming each sponsor once in Participant order, and the proposals and their languages', () => {
    const proposals = { proposalIds: ['p_00000000000000aa', 'p_00000000000000bb', 'p_00000000000000cc'], sponsorIds: ['Q', 'P', 'Q'], languages: ['es', 'en'] };
    expect(freezeBlockers(['P', 'Q'], [ready('a'), { ...ready('b'), proposals }])).toEqual([
      {
        reason: 'open_proposals',
        clauseId: 'b',
        participantId: null,
        languages: ['en', 'es'],
        sponsorIds: ['P', 'Q'],
        proposalIds: ['p_00000000000000aa', 'p_00000000000000bb', 'p_00000000000000cc'],
      },
    ]);
  });

  it('blocks for a proposal nobody is recorded as sponsoring, naming no sponsor', () => {
    const proposals = { proposalIds: ['p_00000000000000aa'], sponsorIds: [], languages: ['en'] };
    expect(freezeBlockers(['P'], [{ ...ready('a'), statuses: { P: 'approved' }, proposals }]).map((b) => [b.reason, b.sponsorIds])).toEqual([
      ['open_proposals', []],
    ]);
  });

  it('comes after the clause’s approvals, and says nothing when the clause holds no proposal', () => {
    const proposals = { proposalIds: ['p_00000000000000aa'], sponsorIds: ['P'], languages: ['en'] };
    expect(freezeBlockers(['P'], [{ ...ready('a'), statuses: {}, proposals }]).map((b) => b.reason)).toEqual(['not_approved', 'open_proposals']);
    expect(freezeBlockers(['P'], [{ ...ready('a'), statuses: { P: 'approved' }, proposals: null }])).toEqual([]);
  });
});
