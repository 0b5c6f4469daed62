/**
 * Decisions on proposals as Yjs changes (server/src/proposals/proposal-text.ts) and the rules a writer's
 * update is held to (proposal-integrity.ts), on real Y.Docs.
 */
import * as Y from 'yjs';
import { applyDecision, clauseProposals } from '../../../server/src/proposals/proposal-text';
import { checkProposalIntegrity, type ProposalWriter, type RecordedProposal } from '../../../server/src/proposals/proposal-integrity';
import { clauseFragment, insertClause, readClauseJSON } from '../../../shared/src/yjs-layout';
import { plainText } from '../../../shared/src/canonical';
import { proposedJSON } from '../../../shared/src/proposals';
import type { NodeJSON } from '../../../shared/src/schema';

const A = 'p_00000000000000aa';
const B = 'p_00000000000000bb';
const LANGS = ['en', 'es'];
const origin = { kind: 'test' };
const para = (text: string): NodeJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function docWith(...paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  insertClause(doc, { id: 'c1', kind: 'clause', content: { en: { type: 'doc', content: paragraphs.map(para) } } }, LANGS, null, origin);
  return doc;
}
const textAt = (doc: Y.Doc, index: number) => (clauseFragment(doc, 'c1', 'en').get(index) as Y.XmlElement).get(0) as Y.XmlText;
const agreed = (doc: Y.Doc) => plainText(readClauseJSON(doc, 'c1', 'en'));
const proposed = (doc: Y.Doc) => plainText(proposedJSON(readClauseJSON(doc, 'c1', 'en')));
const decide = (doc: Y.Doc, id: string, effect: 'accept' | 'reject') => doc.transact(() => applyDecision(doc, 'c1', id, effect, LANGS), origin);

describe('decisions', () => {
  it('accepting keeps the insertion and deletes the deletion; rejecting does the opposite', () => {
    for (const [effect, expected] of [
      ['accept', 'The Parties may cooperate.'],
      ['reject', 'The Parties shall cooperate.'],
    ] as const) {
      const doc = docWith('The Parties shall cooperate.');
      textAt(doc, 0).format(12, 5, { deletion: { id: A } });
      textAt(doc, 0).insert(17, 'may', { insertion: { id: A } });
      expect(proposed(doc)).toBe('The Parties may cooperate.');
      expect(decide(doc, A, effect)).toBe(2);
      expect([agreed(doc), proposed(doc)]).toEqual([expected, expected]);
      expect(clauseProposals(doc, 'c1', LANGS).size).toBe(0);
    }
  });

  it('deletes exactly the one of several repeated characters a proposal marks', () => {
    const doc = docWith('aaaa');
    textAt(doc, 0).format(2, 1, { deletion: { id: A } });
    decide(doc, A, 'accept');
    expect(agreed(doc)).toBe('aaa');
  });

  it('removes a top-level paragraph a deletion across paragraphs empties', () => {
    const doc = docWith('First part.', 'Second part.');
    textAt(doc, 0).format(6, 5, { deletion: { id: A } });
    textAt(doc, 1).format(0, 12, { deletion: { id: A } });
    decide(doc, A, 'accept');
    expect(readClauseJSON(doc, 'c1', 'en').content).toHaveLength(1);
    expect(agreed(doc)).toBe('First ');
  });

  it('keeps another delegation’s counter-proposal when a proposal it deletes from is accepted', () => {
    const doc = docWith('to inform the others');
    textAt(doc, 0).insert(10, 'promptly ', { insertion: { id: A } });
    textAt(doc, 0).format(10, 9, { deletion: { id: B } });
    decide(doc, A, 'accept');
    expect(agreed(doc)).toBe('to inform promptly the others');
    expect(clauseProposals(doc, 'c1', LANGS).get(B)).toEqual({ en: [{ type: 'deletion', text: 'promptly ' }] });
  });

  it('finds nothing to accept when another delegation deleted the paragraph that held the proposal', () => {
    const doc = docWith('Keep this.', 'Drop this paragraph.');
    textAt(doc, 1).insert(0, 'New ', { insertion: { id: A } });
    doc.transact(() => clauseFragment(doc, 'c1', 'en').delete(1, 1), origin);
    expect(clauseProposals(doc, 'c1', LANGS).has(A)).toBe(false);
    expect(decide(doc, A, 'accept')).toBe(0);
  });
});

describe('integrity', () => {
  const touched = { clauseIds: new Set(['c1']), structure: false };
  function attempt(setup: (doc: Y.Doc) => void, change: (doc: Y.Doc) => void, writer: ProposalWriter, sponsors: Map<string, RecordedProposal>) {
    const before = docWith('The Parties shall cooperate.');
    setup(before);
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    after.transact(() => change(after), origin);
    return checkProposalIntegrity(before, after, touched, writer, sponsors);
  }
  const hn: ProposalWriter = { participantId: 'HN', proposeOnly: true };
  const gt: ProposalWriter = { participantId: 'GT', proposeOnly: true };
  const withA = (doc: Y.Doc) => textAt(doc, 0).insert(17, 'may ', { insertion: { id: A } });
  const sponsors = new Map([[A, { sponsor: 'HN', clauseId: 'c1' }]]);

  it('records a new proposal for the writer’s Participant', () => {
    const result = attempt(
      () => undefined,
      (doc) => textAt(doc, 0).insert(0, 'Both ', { insertion: { id: B } }),
      hn,
      new Map(),
    );
    expect(result).toEqual({ ok: true, newProposals: [{ id: B, clauseId: 'c1' }] });
  });

  it('refuses a new proposal from a writer with no Participant', () => {
    const result = attempt(
      () => undefined,
      (doc) => textAt(doc, 0).insert(0, 'Both ', { insertion: { id: B } }),
      { participantId: null, proposeOnly: false },
      new Map(),
    );
    expect(result.ok).toBe(false);
  });

  it('lets the sponsor extend its proposal but refuses another delegation growing, shrinking or claiming it', () => {
    expect(attempt(withA, (doc) => textAt(doc, 0).insert(21, 'now ', { insertion: { id: A } }), hn, sponsors).ok).toBe(true);
    expect(attempt(withA, (doc) => textAt(doc, 0).insert(21, 'now ', { insertion: { id: A } }), gt, sponsors).ok).toBe(false);
    expect(attempt(withA, (doc) => textAt(doc, 0).delete(17, 2), gt, sponsors).ok).toBe(false);
    expect(attempt(withA, (doc) => textAt(doc, 0).format(0, 3, { insertion: { id: A } }), gt, sponsors).ok).toBe(false);
    // In drafting, free editing may shrink another's proposal, never grow it.
    expect(attempt(withA, (doc) => textAt(doc, 0).delete(17, 2), { participantId: 'GT', proposeOnly: false }, sponsors).ok).toBe(true);
    expect(attempt(withA, (doc) => textAt(doc, 0).insert(18, 'x', { insertion: { id: A } }), { participantId: 'GT', proposeOnly: false }, sponsors).ok).toBe(
      false,
    );
  });

  it('lets a delegation counter-propose inside another’s insertion in the negotiation phase', () => {
    expect(attempt(withA, (doc) => textAt(doc, 0).format(17, 3, { deletion: { id: B } }), gt, sponsors)).toEqual({
      ok: true,
      newProposals: [{ id: B, clauseId: 'c1' }],
    });
  });

  it('refuses any change of the agreed text by a delegate in the negotiation phase, formatting included', () => {
    expect(
      attempt(
        () => undefined,
        (doc) => textAt(doc, 0).insert(0, 'Both '),
        hn,
        new Map(),
      ).ok,
    ).toBe(false);
    expect(
      attempt(
        () => undefined,
        (doc) => textAt(doc, 0).delete(0, 4),
        hn,
        new Map(),
      ).ok,
    ).toBe(false);
    expect(
      attempt(
        () => undefined,
        (doc) => textAt(doc, 0).format(0, 3, { strong: true }),
        hn,
        new Map(),
      ).ok,
    ).toBe(false);
    expect(
      attempt(
        () => undefined,
        (doc) => textAt(doc, 0).insert(0, 'Both '),
        { participantId: 'HN', proposeOnly: false },
        new Map(),
      ).ok,
    ).toBe(true);
  });
});
