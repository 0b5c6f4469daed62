import { Node as PMNode, DOMParser, DOMSerializer } from 'prosemirror-model';
import { emptyDocJSON, schema } from '../../../shared/src/index';
import { br, bracket, doc, em, li, marked, ol, p, strong, ul } from './builders';

const rich = doc(
  p('The ', strong('Participants'), ' ', em('intend'), ' to', br(), marked('cooperate', 'strong', 'underline'), '.'),
  ol(3, li(p('share ', bracket('shall/should'))), li(p('meet'), ul(li(p('yearly'))))),
  ul(li(p('one')), li(p('two'))),
);

describe('schema', () => {
  it('has exactly the node and mark names of the public document model', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(['bullet_list', 'doc', 'hard_break', 'list_item', 'ordered_list', 'paragraph', 'text']);
    expect(Object.keys(schema.marks).sort()).toEqual(['bracket', 'deletion', 'em', 'insertion', 'strong', 'underline']);
  });

  it('round-trips a clause text with lists, marks and a hard break through JSON', () => {
    const node = PMNode.fromJSON(schema, rich);
    node.check();
    expect(PMNode.fromJSON(schema, node.toJSON()).eq(node)).toBe(true);
    expect(node.toJSON().content[1].attrs).toEqual({ order: 3 });
  });

  it('fills in the default order of an ordered list', () => {
    const node = PMNode.fromJSON(schema, doc(ol(1, li(p('a')))));
    const withoutOrder = PMNode.fromJSON(schema, { type: 'doc', content: [{ type: 'ordered_list', content: [li(p('a'))] }] });
    expect(withoutOrder.eq(node)).toBe(true);
  });

  it('rejects an ordered list whose order is not an integer', () => {
    expect(() => PMNode.fromJSON(schema, doc(ol(1.5, li(p('a')))))).toThrow(
      new RangeError('The order of an ordered_list must be a non-negative integer, got 1.5'),
    );
  });

  it('rejects a doc without blocks and a list item that does not start with a paragraph', () => {
    expect(() => PMNode.fromJSON(schema, doc()).check()).toThrow(RangeError);
    expect(() => PMNode.fromJSON(schema, doc(ul(li(ul(li(p('x'))))))).check()).toThrow(RangeError);
  });

  it('offers one empty paragraph as the text of a new clause', () => {
    expect(() => PMNode.fromJSON(schema, emptyDocJSON()).check()).not.toThrow();
  });

  it('renders every node and mark as the HTML a browser or a Word paste would give', () => {
    const node = PMNode.fromJSON(schema, rich);
    const serializer = DOMSerializer.fromSchema(schema);
    const fakeDocument = new FakeDocument();
    const dom = serializer.serializeFragment(node.content, { document: fakeDocument as unknown as Document });
    const html = (dom as unknown as FakeElement).html();
    expect(html).toBe(
      '<p>The <strong>Participants</strong> <em>intend</em> to<br><strong><u>cooperate</u></strong>.</p>' +
        '<ol start="3"><li><p>share <span data-bracket="" class="bracket">shall/should</span></p></li>' +
        '<li><p>meet</p><ul><li><p>yearly</p></li></ul></li></ol>' +
        '<ul><li><p>one</p></li><li><p>two</p></li></ul>',
    );
  });

  it('parses back every tag it renders', () => {
    const parser = DOMParser.fromSchema(schema);
    const tags = parser.rules.flatMap((rule) => ('tag' in rule && rule.tag ? [rule.tag] : []));
    expect(tags).toEqual(expect.arrayContaining(['p', 'ol', 'ul', 'li', 'br', 'strong', 'em', 'u', 'span[data-bracket]']));
  });

  it('reads the start of an ordered list as its order, and 1 when it is missing or not a number', () => {
    const rule = schema.nodes.ordered_list.spec.parseDOM![0] as { getAttrs: (dom: unknown) => unknown };
    const ol = (start: string | null) => ({ getAttribute: () => start });
    expect(rule.getAttrs(ol('4'))).toEqual({ order: 4 });
    expect(rule.getAttrs(ol(null))).toEqual({ order: 1 });
    expect(rule.getAttrs(ol('iv'))).toEqual({ order: 1 });
  });

  it('does not read a <b> with normal font weight as strong', () => {
    const rule = schema.marks.strong.spec.parseDOM![1] as { getAttrs: (dom: unknown) => unknown };
    expect(rule.getAttrs({ style: { fontWeight: 'normal' } })).toBe(false);
    expect(rule.getAttrs({ style: { fontWeight: '' } })).toBeNull();
  });
});

/** Just enough of the DOM for DOMSerializer: elements, text nodes and attributes. */
class FakeElement {
  readonly children: (FakeElement | { text: string })[] = [];
  readonly attributes: [string, string][] = [];
  constructor(readonly tag: string | null) {}
  get nodeType() {
    return this.tag === null ? 11 : 1;
  }
  appendChild(child: FakeElement | { text: string }) {
    this.children.push(child);
    return child;
  }
  setAttribute(name: string, value: string) {
    this.attributes.push([name, value]);
  }
  html(): string {
    const inner = this.children.map((c) => (c instanceof FakeElement ? c.html() : c.text)).join('');
    if (this.tag === null) return inner;
    const attrs = this.attributes.map(([n, v]) => ` ${n}="${v}"`).join('');
    return this.tag === 'br' ? `<br${attrs}>` : `<${this.tag}${attrs}>${inner}</${this.tag}>`;
  }
}

class FakeDocument {
  createElement(tag: string) {
    return new FakeElement(tag);
  }
  createElementNS(_ns: string, tag: string) {
    return new FakeElement(tag);
  }
  createTextNode(text: string) {
    return { text };
  }
  createDocumentFragment() {
    return new FakeElement(null);
  }
}
