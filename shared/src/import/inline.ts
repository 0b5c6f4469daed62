/**
 * Runs of text with marks, as the readers produce them, and their conversion to the shared schema.
 * Whitespace is normalised the way a reader sees it: runs of spaces, tabs and non-breaking spaces in
 * the middle of a line collapse to one space; a paragraph starts and ends with no space.
 */
import type { MarkJSON, NodeJSON } from '../schema';
import type { Inline, InlineMark, SourceBlock } from './types';

const MARK_ORDER: readonly InlineMark[] = ['em', 'strong', 'underline'];

export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.type === 'text' ? inline.text : '\n')).join('');
}

/** Merges neighbours with the same marks, collapses spaces, and trims both ends (breaks included). */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.type === 'break') {
      out.push(inline);
      continue;
    }
    // Non-breaking spaces are the drafter's choice ("90\u00a0días") and stay.
    const text = inline.text.replace(/[ \t\r\n\f\v]+/g, ' ');
    if (text === '') continue;
    const marks = [...new Set(inline.marks)].sort((a, b) => MARK_ORDER.indexOf(a) - MARK_ORDER.indexOf(b));
    const last = out[out.length - 1];
    if (last?.type === 'text' && sameMarks(last.marks, marks)) last.text += text;
    else out.push({ type: 'text', text, marks });
  }
  // Collapse a space that ends one run and starts the next, and spaces around a break.
  for (let i = 1; i < out.length; i += 1) {
    const prev = out[i - 1];
    const cur = out[i];
    if (prev.type === 'text' && cur.type === 'text' && prev.text.endsWith(' ') && cur.text.startsWith(' ')) cur.text = cur.text.slice(1);
    if (prev.type === 'text' && cur.type === 'break') prev.text = prev.text.replace(/ +$/, '');
    if (prev.type === 'break' && cur.type === 'text') cur.text = cur.text.replace(/^ +/, '');
  }
  return trimInlines(out.filter((inline) => inline.type === 'break' || inline.text !== ''));
}

function trimInlines(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  while (out.length > 0) {
    const first = out[0];
    if (first.type === 'break') {
      out.shift();
      continue;
    }
    const text = first.text.replace(/^[ \t\r\n\f\v\u00a0]+/, '');
    if (text === '') {
      out.shift();
      continue;
    }
    out[0] = { ...first, text };
    break;
  }
  while (out.length > 0) {
    const last = out[out.length - 1];
    if (last.type === 'break') {
      out.pop();
      continue;
    }
    const text = last.text.replace(/[ \t\r\n\f\v\u00a0]+$/, '');
    if (text === '') {
      out.pop();
      continue;
    }
    out[out.length - 1] = { ...last, text };
    break;
  }
  return out;
}

function sameMarks(a: readonly InlineMark[], b: readonly InlineMark[]): boolean {
  return a.length === b.length && a.every((mark, i) => mark === b[i]);
}

/** Drops the first `count` characters (of `inlineText`), then leading spaces and breaks. */
export function dropPrefix(inlines: readonly Inline[], count: number): Inline[] {
  let left = count;
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (left <= 0) {
      out.push(inline);
      continue;
    }
    const length = inline.type === 'text' ? inline.text.length : 1;
    if (length <= left) {
      left -= length;
      continue;
    }
    if (inline.type === 'text') out.push({ ...inline, text: inline.text.slice(left) });
    left = 0;
  }
  return normalizeInlines(out);
}

/** Splits at hard breaks: the lines of a paragraph, each a list of runs. */
export function inlineLines(inlines: readonly Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const inline of inlines) {
    if (inline.type === 'break') lines.push([]);
    else lines[lines.length - 1].push(inline);
  }
  return lines;
}

export function inlinesToJSON(inlines: readonly Inline[]): NodeJSON[] {
  return normalizeInlines(inlines).map((inline): NodeJSON => {
    if (inline.type === 'break') return { type: 'hard_break' };
    const node: NodeJSON = { type: 'text', text: inline.text.normalize('NFC') };
    if (inline.marks.length > 0) node.marks = inline.marks.map((type): MarkJSON => ({ type }));
    return node;
  });
}

export function paragraphJSON(inlines: readonly Inline[]): NodeJSON {
  const content = inlinesToJSON(inlines);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Paragraph and list blocks → schema blocks. Titles and headings inside a clause become paragraphs. */
export function blocksToJSON(blocks: readonly SourceBlock[]): NodeJSON[] {
  const out: NodeJSON[] = [];
  for (const block of blocks) {
    if (block.type === 'list') {
      const items = block.items.map((item) => {
        const content = blocksToJSON(item);
        if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
        return { type: 'list_item', content };
      });
      if (items.length === 0) continue;
      out.push(block.ordered ? { type: 'ordered_list', attrs: { order: block.start }, content: items } : { type: 'bullet_list', content: items });
    } else {
      out.push(paragraphJSON(block.inlines));
    }
  }
  return out;
}

/** A clause text (`doc`) made of these blocks; one empty paragraph when there are none. */
export function docJSON(blocks: readonly NodeJSON[]): NodeJSON {
  return { type: 'doc', content: blocks.length > 0 ? [...blocks] : [{ type: 'paragraph' }] };
}

/** The plain text of a block, for recognising markers. */
export function blockText(block: SourceBlock): string {
  if (block.type === 'list') return block.items.map((item) => item.map(blockText).join('\n')).join('\n');
  return inlineText(block.inlines);
}

export function isBlankBlock(block: SourceBlock): boolean {
  return blockText(block).trim() === '';
}
