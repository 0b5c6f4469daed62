/** Builders for ProseMirror JSON in tests: `doc(p('Hello ', strong('world')))`. */
import type { MarkJSON, NodeJSON } from '../../../shared/src/index';

type Child = NodeJSON | string;

const toNode = (child: Child): NodeJSON => (typeof child === 'string' ? { type: 'text', text: child } : child);

export const doc = (...blocks: NodeJSON[]): NodeJSON => ({ type: 'doc', content: blocks });
export const p = (...children: Child[]): NodeJSON => (children.length ? { type: 'paragraph', content: children.map(toNode) } : { type: 'paragraph' });
export const ol = (order: number, ...items: NodeJSON[]): NodeJSON => ({ type: 'ordered_list', attrs: { order }, content: items });
export const ul = (...items: NodeJSON[]): NodeJSON => ({ type: 'bullet_list', content: items });
export const li = (...blocks: NodeJSON[]): NodeJSON => ({ type: 'list_item', content: blocks });
export const br = (): NodeJSON => ({ type: 'hard_break' });

/** A text node with the given marks, in the order given. */
export const marked = (text: string, ...marks: string[]): NodeJSON => ({
  type: 'text',
  text,
  marks: marks.map((type): MarkJSON => ({ type })),
});
export const strong = (text: string) => marked(text, 'strong');
export const em = (text: string) => marked(text, 'em');
export const bracket = (text: string) => marked(text, 'bracket');
