/**
 * Reads the HTML that mammoth makes of a DOCX into source blocks. Mammoth writes a small, regular
 * HTML (p, h1–h6, ul/ol/li, strong, em, u, a, br, table, img), so a tokenizer is enough and the
 * same code runs in Node and the browser without a DOM. Anything else is read for its text only.
 *
 * The style map that goes with it (server/src/import/read-docx.ts) marks a Title-styled paragraph
 * as `<p class="title">`.
 */
import { normalizeInlines } from './inline';
import type { Inline, InlineMark, SourceBlock } from './types';

interface Element {
  tag: string;
  className: string;
  start: number | null;
  children: Node[];
}
type Node = Element | string;

const VOID_TAGS = new Set(['br', 'img', 'hr', 'col', 'meta', 'link', 'input', 'wbr']);
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'div', 'blockquote']);
const MARK_TAGS: Record<string, InlineMark> = { strong: 'strong', b: 'strong', em: 'em', i: 'em', u: 'underline' };
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(Number.parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10)) ?? whole;
    return ENTITIES[name] ?? whole;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : null;
}

function attribute(attrs: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  return match ? decodeEntities(match[2] ?? match[3] ?? match[4] ?? '') : null;
}

/** HTML → element tree. Unclosed tags close at their parent's end; stray end tags are ignored. */
export function parseHtml(html: string): Element {
  const root: Element = { tag: '#root', className: '', start: null, children: [] };
  const stack: Element[] = [root];
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!?[a-zA-Z][^>]*>|<\/[a-zA-Z0-9]+\s*>|[^<]+|</g;
  for (const [raw] of html.matchAll(token)) {
    const top = stack[stack.length - 1];
    if (raw.startsWith('<!--') || raw.startsWith('<![CDATA[') || raw.startsWith('<!')) continue;
    if (raw.startsWith('</')) {
      const tag = raw.slice(2).replace(/[\s>]/g, '').toLowerCase();
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    if (raw.startsWith('<') && raw.length > 1) {
      const match = /^<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>$/.exec(raw);
      if (!match) {
        top.children.push(decodeEntities(raw));
        continue;
      }
      const tag = match[1].toLowerCase();
      const attrs = match[2];
      const start = attribute(attrs, 'start');
      const element: Element = {
        tag,
        className: attribute(attrs, 'class') ?? '',
        start: start !== null && /^\d+$/.test(start) ? Number(start) : null,
        children: [],
      };
      top.children.push(element);
      if (!VOID_TAGS.has(tag) && !attrs.trim().endsWith('/')) stack.push(element);
      continue;
    }
    top.children.push(decodeEntities(raw));
  }
  return root;
}

function inlinesOf(nodes: readonly Node[], marks: InlineMark[] = []): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.push({ type: 'text', text: node, marks });
      continue;
    }
    if (node.tag === 'br') {
      out.push({ type: 'break' });
      continue;
    }
    if (node.tag === 'img' || BLOCK_TAGS.has(node.tag)) continue;
    const mark = MARK_TAGS[node.tag];
    out.push(...inlinesOf(node.children, mark && !marks.includes(mark) ? [...marks, mark] : marks));
  }
  return out;
}

function listItems(list: Element): SourceBlock[][] {
  const items: SourceBlock[][] = [];
  for (const child of list.children) {
    if (typeof child === 'string') continue;
    if (child.tag !== 'li') {
      // A list nested directly in a list belongs to the item before it.
      const blocks = blocksOf([child]);
      if (items.length === 0) items.push([]);
      items[items.length - 1].push(...blocks);
      continue;
    }
    items.push(blocksOf(child.children));
  }
  return items.filter((item) => item.length > 0);
}

/** Block-level children → blocks; inline content between blocks forms a paragraph. */
function blocksOf(nodes: readonly Node[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  let loose: Node[] = [];
  const flushLoose = () => {
    const inlines = normalizeInlines(inlinesOf(loose));
    if (inlines.length > 0) out.push({ type: 'paragraph', inlines });
    loose = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string' || !BLOCK_TAGS.has(node.tag)) {
      loose.push(node);
      continue;
    }
    flushLoose();
    const heading = /^h([1-6])$/.exec(node.tag);
    if (heading) {
      out.push({ type: 'heading', level: Number(heading[1]), inlines: normalizeInlines(inlinesOf(node.children)) });
    } else if (node.tag === 'p') {
      const inlines = normalizeInlines(inlinesOf(node.children));
      if (node.className.split(/\s+/).includes('title')) out.push({ type: 'title', inlines });
      else out.push({ type: 'paragraph', inlines });
      // Mammoth never nests blocks in a paragraph; other HTML might.
      out.push(...blocksOf(node.children.filter((child) => typeof child !== 'string' && BLOCK_TAGS.has(child.tag))));
    } else if (node.tag === 'ul' || node.tag === 'ol') {
      out.push({ type: 'list', ordered: node.tag === 'ol', start: node.start ?? 1, items: listItems(node) });
    } else {
      // Tables, divs, quotes: their content in reading order.
      out.push(...blocksOf(node.children));
    }
  }
  flushLoose();
  return out.filter((block) => (block.type === 'list' ? block.items.length > 0 : block.inlines.length > 0));
}

export function htmlToBlocks(html: string): SourceBlock[] {
  return blocksOf(parseHtml(html).children);
}
