/** [F2] with the brackets of the text known by id: each open bracket is a blocker naming it. */
import { freezeBlockers, type BlockerClause } from '../../../shared/src/versions/freeze-blockers';
import type { CanonicalNode } from '../../../shared/src/canonical';

const plain = (value: string): CanonicalNode => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] });
const markedText: CanonicalNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'shall', marks: [{ type: 'bracket' }] }] }] };
const clause = (texts: Record<string, CanonicalNode>, brackets: BlockerClause['brackets']): BlockerClause => ({
  clauseId: 'a',
  fingerprint: 'f',
  statuses: { P: 'approved' },
  concordance: { status: 'concordant', changedLanguages: [] },
  texts,
  brackets,
});

describe('[F2] open brackets by id', () => {
  it('names each registered bracket with its languages, and keeps one blocker for literal or unregistered ones', () => {
    const registered = [
      { bracketId: 'b_00000000000000aa', languages: ['es', 'en'] },
      { bracketId: 'b_00000000000000bb', languages: ['en'] },
    ];
    expect(freezeBlockers(['P'], [clause({ en: markedText, es: plain('[Acordado].') }, { registered, unregisteredLanguages: [] })])).toEqual([
      { reason: 'brackets', clauseId: 'a', participantId: null, languages: ['es'] },
      { reason: 'brackets', clauseId: 'a', participantId: null, languages: ['en', 'es'], bracketId: 'b_00000000000000aa' },
      { reason: 'brackets', clauseId: 'a', participantId: null, languages: ['en'], bracketId: 'b_00000000000000bb' },
    ]);
    expect(freezeBlockers(['P'], [clause({ en: markedText, es: plain('x') }, { registered: [], unregisteredLanguages: ['en'] })])).toEqual([
      { reason: 'brackets', clauseId: 'a', participantId: null, languages: ['en'] },
    ]);
    // Cleared: nothing left.
    expect(freezeBlockers(['P'], [clause({ en: plain('shall'), es: plain('x') }, { registered: [], unregisteredLanguages: [] })])).toEqual([]);
  });
});
