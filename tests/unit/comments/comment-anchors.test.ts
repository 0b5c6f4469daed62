import * as Y from 'yjs';
import { DEFAULT_LANGUAGES, clauseFragment, insertClause } from '../../../shared/src/index';
import {
  anchorFromRange,
  decodeAnchorPosition,
  encodeAnchorPosition,
  rangeText,
  renderFragment,
  resolveAnchor,
  truncateQuote,
} from '../../../shared/src/comment-anchors';
import { COMMENT_QUOTE_MAX } from '../../../shared/src/api/comments';

const origin = { kind: 'test' };

function clause(text: string): { doc: Y.Doc; fragment: Y.XmlFragment; textNode: Y.XmlText } {
  const doc = new Y.Doc();
  insertClause(
    doc,
    { id: 'c1', kind: 'clause', content: { en: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } } },
    DEFAULT_LANGUAGES,
    null,
    origin,
  );
  const fragment = clauseFragment(doc, 'c1', 'en');
  return { doc, fragment, textNode: (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText };
}

function anchorOf(fragment: Y.XmlFragment, text: string, words: string) {
  const rendered = renderFragment(fragment);
  const from = 1 + text.indexOf(words);
  return anchorFromRange(fragment, rendered.mapping, from, from + words.length);
}

function covered(doc: Y.Doc, fragment: Y.XmlFragment, anchor: ReturnType<typeof anchorOf>): string | null {
  const rendered = renderFragment(fragment);
  const range = resolveAnchor(doc, rendered, anchor);
  return range && rangeText(rendered.doc, range.from, range.to);
}

describe('comment anchors', () => {
  const text = 'The Participants shall cooperate.';

  it('covers the selected words', () => {
    const { doc, fragment } = clause(text);
    expect(covered(doc, fragment, anchorOf(fragment, text, 'shall'))).toBe('shall');
  });

  it('leaves text typed just before or just after the range outside it', () => {
    const { doc, fragment, textNode } = clause(text);
    const anchor = anchorOf(fragment, text, 'shall');
    doc.transact(() => {
      textNode.insert(text.indexOf('shall') + 'shall'.length, ' not');
      textNode.insert(text.indexOf('shall'), 'really ');
    }, origin);
    expect(textNode.toString()).toContain('really shall not');
    expect(covered(doc, fragment, anchor)).toBe('shall');
  });

  it('takes in text typed inside the range', () => {
    const { doc, fragment, textNode } = clause(text);
    const anchor = anchorOf(fragment, text, 'shall cooperate');
    doc.transact(() => textNode.insert(text.indexOf('cooperate'), 'closely '), origin);
    expect(covered(doc, fragment, anchor)).toBe('shall closely cooperate');
  });

  it('collapses to nothing when its words are deleted', () => {
    const { doc, fragment, textNode } = clause(text);
    const anchor = anchorOf(fragment, text, 'shall');
    doc.transact(() => textNode.delete(text.indexOf('shall'), 'shall '.length), origin);
    expect(covered(doc, fragment, anchor)).toBe('');
  });

  it('covers a range ending at the end of its paragraph, and not what is typed after it', () => {
    const { doc, fragment, textNode } = clause(text);
    const anchor = anchorOf(fragment, text, 'cooperate.');
    doc.transact(() => textNode.insert(textNode.length, ' Always.'), origin);
    expect(covered(doc, fragment, anchor)).toBe('cooperate.');
  });

  it('does not resolve in another clause text', () => {
    const { doc, fragment } = clause(text);
    const anchor = anchorOf(fragment, text, 'shall');
    expect(resolveAnchor(doc, renderFragment(clauseFragment(doc, 'c1', 'es')), anchor)).toBeNull();
  });

  it('survives encoding for storage', () => {
    const { doc, fragment } = clause(text);
    const anchor = anchorOf(fragment, text, 'shall');
    const stored = { start: decodeAnchorPosition(encodeAnchorPosition(anchor.start)), end: decodeAnchorPosition(encodeAnchorPosition(anchor.end)) };
    expect(covered(doc, fragment, stored)).toBe('shall');
  });

  it('refuses an empty range', () => {
    const { fragment } = clause(text);
    expect(() => anchorFromRange(fragment, renderFragment(fragment).mapping, 3, 3)).toThrow(RangeError);
  });

  it('cuts long quotes with an ellipsis', () => {
    expect([...truncateQuote('x'.repeat(COMMENT_QUOTE_MAX + 5))]).toHaveLength(COMMENT_QUOTE_MAX);
    expect(truncateQuote('short')).toBe('short');
  });
});
