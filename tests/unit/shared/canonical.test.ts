import { canonicalJSON, canonicalString, languageHash, plainText, type NodeJSON } from '../../../shared/src/index';
import { br, bracket, doc, em, li, marked, ol, p, strong, ul } from './builders';

const nfc = 'Los Participantes tienen la intenci\u00f3n de cooperar en se\u00f1al de buena fe.';
const nfd = 'Los Participantes tienen la intencio\u0301n de cooperar en sen\u0303al de buena fe.';

describe('canonicalJSON', () => {
  it('puts text in Unicode NFC', () => {
    expect(nfd).not.toBe(nfc);
    expect(canonicalJSON(doc(p(nfd)))).toEqual(canonicalJSON(doc(p(nfc))));
    expect(canonicalJSON(doc(p(nfd))).content![0].content![0].text).toBe(nfc);
  });

  it('composes an accent that sits in a separate text node with the same marks', () => {
    expect(canonicalString(doc(p('intencio', '\u0301n')))).toBe(canonicalString(doc(p('intenci\u00f3n'))));
  });

  it('merges adjacent text nodes that have the same marks, and only those', () => {
    expect(canonicalString(doc(p('Border ', 'security')))).toBe(canonicalString(doc(p('Border security'))));
    expect(canonicalString(doc(p(strong('Bor'), strong('der'))))).toBe(canonicalString(doc(p(strong('Border')))));
    expect(canonicalJSON(doc(p('a', strong('b'), 'c'))).content![0].content).toHaveLength(3);
  });

  it('sorts marks by name', () => {
    const a = canonicalJSON(doc(p(marked('x', 'underline', 'strong', 'em'))));
    expect(a.content![0].content![0].marks).toEqual([{ type: 'em' }, { type: 'strong' }, { type: 'underline' }]);
    expect(canonicalString(doc(p(marked('x', 'strong', 'bracket'))))).toBe(canonicalString(doc(p(marked('x', 'bracket', 'strong')))));
  });

  it('does not depend on the order of keys in the input', () => {
    const shuffled = { content: [{ content: [{ text: 'hi', type: 'text', marks: [{ type: 'em' }] }], type: 'paragraph' }], type: 'doc' };
    expect(canonicalString(shuffled)).toBe(canonicalString(doc(p(em('hi')))));
    expect(Object.keys(canonicalJSON(shuffled).content![0].content![0])).toEqual(['marks', 'text', 'type']);
  });

  it('drops empty attrs and unknown attrs, and fills in defaults', () => {
    const withJunk: NodeJSON = {
      type: 'doc',
      attrs: {},
      content: [{ type: 'paragraph', attrs: { align: 'left' }, content: [{ type: 'text', text: 'x', marks: [{ type: 'em', attrs: {} }] }] }],
    };
    expect(canonicalString(withJunk)).toBe('{"content":[{"content":[{"marks":[{"type":"em"}],"text":"x","type":"text"}],"type":"paragraph"}],"type":"doc"}');
    const noOrder: NodeJSON = { type: 'doc', content: [{ type: 'ordered_list', content: [li(p('a'))] }] };
    expect(canonicalString(noOrder)).toBe(canonicalString(doc(ol(1, li(p('a'))))));
  });

  it('keeps the difference between texts that read differently', () => {
    expect(canonicalString(doc(p('shall')))).not.toBe(canonicalString(doc(p('should'))));
    expect(canonicalString(doc(p(bracket('shall'))))).not.toBe(canonicalString(doc(p('shall'))));
    expect(canonicalString(doc(ol(1, li(p('a')))))).not.toBe(canonicalString(doc(ol(2, li(p('a'))))));
    expect(canonicalString(doc(ol(1, li(p('a')))))).not.toBe(canonicalString(doc(ul(li(p('a'))))));
  });

  it('is idempotent', () => {
    const once = canonicalJSON(doc(p(marked('x', 'strong', 'em'), nfd), ol(4, li(p('y')))));
    expect(canonicalJSON(once as NodeJSON)).toEqual(once);
  });

  it('rejects a text that is not a valid doc', () => {
    expect(() => canonicalJSON(p('x'))).toThrow(new RangeError('A clause text must be a doc node, got paragraph'));
    expect(() => canonicalJSON(doc())).toThrow(RangeError);
    expect(() => canonicalJSON(doc(p(marked('x', 'highlight'))))).toThrow(RangeError);
  });
});

describe('canonicalString', () => {
  it('is compact JSON with sorted keys', () => {
    expect(canonicalString(doc(p('Hola'), ol(3, li(p('uno')))))).toBe(
      '{"content":[{"content":[{"text":"Hola","type":"text"}],"type":"paragraph"},' +
        '{"attrs":{"order":3},"content":[{"content":[{"content":[{"text":"uno","type":"text"}],"type":"paragraph"}],"type":"list_item"}],"type":"ordered_list"}],"type":"doc"}',
    );
  });

  it('escapes quotes, backslashes and control characters as JSON does, and keeps other characters as they are', () => {
    expect(canonicalString(doc(p('"\\\u0007 \u00f1 \u00ab\u00bb')))).toBe(
      '{"content":[{"content":[{"text":"\\"\\\\\\u0007 \u00f1 \u00ab\u00bb","type":"text"}],"type":"paragraph"}],"type":"doc"}',
    );
  });
});

describe('languageHash', () => {
  it('is the hex SHA-256 of the canonical string', () => {
    expect(languageHash(doc(p(nfd)))).toBe(languageHash(doc(p(nfc))));
    expect(languageHash(doc(p('x')))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('plainText', () => {
  it('separates paragraphs by a blank line and renders a hard break as a new line', () => {
    expect(plainText(doc(p('One', br(), 'line two'), p(strong('Two'))))).toBe('One\nline two\n\nTwo');
  });

  it('numbers ordered list items from the list order and marks bullets', () => {
    expect(plainText(doc(p('Intro:'), ol(3, li(p('a')), li(p('b'))), ul(li(p('c')))))).toBe('Intro:\n\n3. a\n4. b\n\n• c');
  });

  it('indents the further lines of a list item under its first', () => {
    expect(plainText(doc(ol(9, li(p('nine'), ul(li(p('sub', br(), 'more')))), li(p('ten')))))).toBe('9. nine\n   • sub\n     more\n10. ten');
  });

  it('gives text in NFC', () => {
    expect(plainText(doc(p(nfd)))).toBe(nfc);
  });
});
