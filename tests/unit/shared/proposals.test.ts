/** The three readings of a text with proposals (docs/document-model.md §3.1). */
import { DOMParser } from 'prosemirror-model';
import { PROPOSAL_ID_PATTERN, schema, type NodeJSON } from '../../../shared/src/schema';
import { agreedJSON, newProposalId, proposalRuns, proposedJSON } from '../../../shared/src/proposals';
import { clauseFingerprint, plainText } from '../../../shared/src/canonical';
import { Node as PMNode } from 'prosemirror-model';

const A = 'p_00000000000000aa';
const B = 'p_00000000000000bb';
const ins = (id: string) => ({ type: 'insertion', attrs: { id } });
const del = (id: string) => ({ type: 'deletion', attrs: { id } });
const text = (t: string, marks: object[] = []): NodeJSON => (marks.length ? { type: 'text', text: t, marks } : { type: 'text', text: t }) as NodeJSON;
const docOf = (...inline: NodeJSON[]): NodeJSON => ({ type: 'doc', content: [{ type: 'paragraph', content: inline }] });

const withProposals = docOf(
  text('Each Participant '),
  text('shall', [del(A)]),
  text('may', [ins(A)]),
  text(' inform the others'),
  text(' promptly', [ins(B)]),
  text('.'),
);

it('reads the agreed text with every proposal left out, and the proposed text with every proposal accepted', () => {
  expect(plainText(withProposals)).toBe('Each Participant shall inform the others.');
  expect(plainText(agreedJSON(withProposals))).toBe('Each Participant shall inform the others.');
  expect(plainText(proposedJSON(withProposals))).toBe('Each Participant may inform the others promptly.');
});

it('gives a text with proposals the fingerprint of its agreed text, so tabling one outdates no approval', () => {
  const agreed = docOf(text('Each Participant shall inform the others.'));
  expect(clauseFingerprint({ kind: 'clause', texts: { en: withProposals, es: agreed } })).toBe(
    clauseFingerprint({ kind: 'clause', texts: { en: agreed, es: agreed } }),
  );
  expect(clauseFingerprint({ kind: 'clause', texts: { en: proposedJSON(withProposals), es: agreed } })).not.toBe(
    clauseFingerprint({ kind: 'clause', texts: { en: agreed, es: agreed } }),
  );
});

it('keeps a counter-proposal: my deletion of another delegation’s insertion leaves both', () => {
  const counter = docOf(text('to inform '), text('promptly', [ins(A), del(B)]), text(' the others'));
  expect(plainText(counter)).toBe('to inform  the others');
  expect(plainText(proposedJSON(counter))).toBe('to inform  the others');
  const runs = proposalRuns(PMNode.fromJSON(schema, counter));
  expect(runs.get(A)).toEqual([{ type: 'insertion', text: 'promptly' }]);
  expect(runs.get(B)).toEqual([{ type: 'deletion', text: 'promptly' }]);
});

it('lists each proposal’s runs in order, one run per contiguous stretch in one block', () => {
  const runs = proposalRuns(PMNode.fromJSON(schema, withProposals));
  expect([...runs.keys()]).toEqual([A, B]);
  expect(runs.get(A)).toEqual([
    { type: 'deletion', text: 'shall' },
    { type: 'insertion', text: 'may' },
  ]);
  const split = docOf(text('one', [ins(A)]), text(' two', [ins(A), { type: 'strong' }]), text(' - '), text('three', [ins(A)]));
  expect(proposalRuns(PMNode.fromJSON(schema, split)).get(A)).toEqual([
    { type: 'insertion', text: 'one two' },
    { type: 'insertion', text: 'three' },
  ]);
});

it('refuses a proposal id that is not p_ and 16 hex digits, and makes ids that are', () => {
  expect(() => PMNode.fromJSON(schema, docOf(text('x', [ins('7')]))).check()).toThrow(RangeError);
  for (let i = 0; i < 100; i += 1) expect(newProposalId()).toMatch(PROPOSAL_ID_PATTERN);
  expect(new Set(Array.from({ length: 1000 }, newProposalId)).size).toBe(1000);
});

it('never parses a proposal from pasted HTML: neither mark has a parse rule', () => {
  const tags = DOMParser.fromSchema(schema).rules.flatMap((rule) => ('tag' in rule && rule.tag ? [rule.tag] : []));
  expect(tags.filter((tag) => /^(ins|del)\b/.test(tag))).toEqual([]);
  expect(schema.marks.insertion.spec.parseDOM).toBeUndefined();
  expect(schema.marks.deletion.spec.parseDOM).toBeUndefined();
});
