import { canonicalJSON, languageHash, plainText } from '../../../shared/src/canonical';
import type { NodeJSON } from '../../../shared/src/schema';
import { redline, redlineSummary, type RedlineInputClause } from '../../../shared/src/versions/redline';
import { inlineSegments, markedDiff, segmentsText } from '../../../shared/src/versions/proposal-redline';

const P = 'p_00000000000000aa';
const Q = 'p_00000000000000bb';

type Run = string | { text: string; ins?: string; del?: string };
const text = (run: Run): NodeJSON => {
  if (typeof run === 'string') return { type: 'text', text: run };
  const marks = [...(run.ins ? [{ type: 'insertion', attrs: { id: run.ins } }] : []), ...(run.del ? [{ type: 'deletion', attrs: { id: run.del } }] : [])];
  return { type: 'text', text: run.text, marks };
};
const doc = (...runs: Run[]): NodeJSON => ({ type: 'doc', content: [{ type: 'paragraph', content: runs.map(text) }] });

/** A clause as the server reads it with proposals: canonical (agreed) texts and hashes, and the inline texts. */
const clause = (id: string, en: NodeJSON, es: NodeJSON = doc('Texto.')): RedlineInputClause => ({
  id,
  kind: 'clause',
  number: { article: 1 },
  texts: { en: canonicalJSON(en), es: canonicalJSON(es) },
  languageHashes: { en: languageHash(en), es: languageHash(es) },
  inline: { en, es },
});

describe('the redline with proposals', () => {
  it('[R5] reads a text without proposals as one agreed segment equal to its plain text', () => {
    const list: NodeJSON = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Intro' }] },
        {
          type: 'ordered_list',
          attrs: { order: 3 },
          content: [
            {
              type: 'list_item',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }, { type: 'hard_break' }, { type: 'text', text: 'two' }] }],
            },
            { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }] },
          ],
        },
      ],
    };
    expect(inlineSegments(list)).toEqual([{ text: plainText(list), proposals: [] }]);
    expect(segmentsText(inlineSegments(list))).toBe('Intro\n\n3. one\n   two\n4. three');
  });

  it('[R5] marks the segments of a proposal with its id, an insertion first when a counter-proposal deletes it', () => {
    expect(inlineSegments(doc('The Participants ', { text: 'shall', del: P }, { text: 'may', ins: P }, { text: ' fully', ins: Q, del: P }, '.'))).toEqual([
      { text: 'The Participants ', proposals: [] },
      { text: 'shall', proposals: [{ id: P, type: 'deletion' }] },
      { text: 'may', proposals: [{ id: P, type: 'insertion' }] },
      {
        text: ' fully',
        proposals: [
          { id: Q, type: 'insertion' },
          { id: P, type: 'deletion' },
        ],
      },
      { text: '.', proposals: [] },
    ]);
  });

  it('[R5][R6] shows a proposal tabled since the older text as an insertion of its parts, and the clause as changed', () => {
    const before = clause('a', doc('The Participants shall cooperate.'));
    const after = clause('a', doc('The Participants ', { text: 'shall', del: P }, { text: 'may', ins: P }, ' cooperate.'));
    const [agreed] = redline([before], [after], ['en', 'es']);
    expect(agreed.status).toBe('unchanged'); // [R2]: the agreed text is the same
    const [inline] = redline([before], [after], ['en', 'es'], { withProposals: true });
    expect(inline.status).toBe('changed');
    expect(inline.languages.en).toEqual({
      changed: true,
      parts: [
        { op: 'equal', text: 'The Participants ' },
        { op: 'delete', text: 'shall' },
        { op: 'insert', text: 'shall', proposals: [{ id: P, type: 'deletion' }] },
        { op: 'insert', text: 'may', proposals: [{ id: P, type: 'insertion' }] },
        { op: 'equal', text: ' cooperate.' },
      ],
    });
    expect(inline.languages.es).toEqual({ changed: false, parts: [{ op: 'equal', text: 'Texto.' }] });
  });

  it('[R5] keeps a proposal open in both texts as equal parts of that proposal, apart from an agreed change', () => {
    const before = clause('a', doc('The Participants will ', { text: 'fully ', ins: P }, 'cooperate.'));
    const after = clause('a', doc('The Participants shall ', { text: 'fully ', ins: P }, 'cooperate.'));
    const [inline] = redline([before], [after], ['en', 'es'], { withProposals: true });
    expect(inline.languages.en.parts).toEqual([
      { op: 'equal', text: 'The Participants ' },
      { op: 'delete', text: 'will' },
      { op: 'insert', text: 'shall' },
      { op: 'equal', text: ' ' },
      { op: 'equal', text: 'fully ', proposals: [{ id: P, type: 'insertion' }] },
      { op: 'equal', text: 'cooperate.' },
    ]);
  });

  it('[R5] shows an accepted proposal as its parts leaving and its insertion entering the agreed text', () => {
    const before = clause('a', doc('Meetings are ', { text: 'annual', del: Q }, { text: 'biennial', ins: Q }, '.'));
    const after = clause('a', doc('Meetings are biennial.'));
    const [inline] = redline([before], [after], ['en', 'es'], { withProposals: true });
    expect(inline.languages.en.parts).toEqual([
      { op: 'equal', text: 'Meetings are ' },
      { op: 'delete', text: 'annual', proposals: [{ id: Q, type: 'deletion' }] },
      { op: 'delete', text: 'biennial', proposals: [{ id: Q, type: 'insertion' }] },
      { op: 'insert', text: 'biennial' },
      { op: 'equal', text: '.' },
    ]);
    expect(redline([before], [after], ['en', 'es'])[0].languages.en.parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'annual' },
      { op: 'insert', text: 'biennial' },
    ]);
  });

  it('[R5][R2] shows an added or removed clause with its proposals marked, and counts as without them otherwise', () => {
    const removed = clause('r', doc('Mexico ', { text: 'may', ins: P }, ' join.'));
    const list = redline([removed], [clause('n', doc('New.'))], ['en', 'es'], { withProposals: true });
    expect(list.map((c) => `${c.clauseId}:${c.status}`)).toEqual(['r:removed', 'n:added']);
    expect(list[0].languages.en.parts).toEqual([
      { op: 'delete', text: 'Mexico ' },
      { op: 'delete', text: 'may', proposals: [{ id: P, type: 'insertion' }] },
      { op: 'delete', text: ' join.' },
    ]);
    expect(redlineSummary(list)).toEqual({ unchanged: 0, changed: 0, added: 1, removed: 1, moved: 0 });
  });

  it('[R5] reads a clause without inline texts as its agreed text, and an invalid text as no text', () => {
    const { inline: _inline, ...agreedOnly } = clause('a', doc('Same.'));
    const [same] = redline([agreedOnly], [clause('a', doc('Same.'))], ['en', 'es'], { withProposals: true });
    expect(same.status).toBe('unchanged');
    expect(inlineSegments({ type: 'paragraph' })).toEqual([]);
    expect(markedDiff([], inlineSegments(doc('x')))).toEqual([{ op: 'insert', text: 'x' }]);
  });
});
