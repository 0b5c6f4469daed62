/**
 * Reads the Markdown a drafter writes — headings (# or underlined), paragraphs separated by blank
 * lines, bullet and numbered lists (nested by indentation), **bold**, *italic*, <u>underline</u> —
 * into source blocks. Links keep their text, code spans their content; images, HTML blocks and rules
 * are dropped. It is not a full CommonMark parser, and does not need to be: a draft agreement uses
 * only these.
 */
import { normalizeInlines } from './inline';
import type { Inline, InlineMark, SourceBlock } from './types';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ITEM = /^( {0,3})([-*+]|(\d{1,9})[.)])([ \t]+|$)/;
const QUOTE = /^ {0,3}> ?/;

const isBlank = (line: string) => line.trim() === '';

interface ItemStart {
  indent: number;
  bullet: boolean;
  delimiter: string;
  number: number;
  contentIndent: number;
  rest: string;
}

function itemStart(line: string): ItemStart | null {
  const match = ITEM.exec(line);
  if (!match) return null;
  const bullet = match[3] === undefined;
  const spaces = match[4].length > 4 || match[4] === '' ? 1 : match[4].length;
  return {
    indent: match[1].length,
    bullet,
    delimiter: bullet ? match[2] : match[2].slice(-1),
    number: bullet ? 1 : Number(match[3]),
    contentIndent: match[1].length + match[2].length + spaces,
    rest: line.slice(match[0].length),
  };
}

function dedent(line: string, by: number): string {
  let i = 0;
  while (i < by && i < line.length && line[i] === ' ') i += 1;
  return line.slice(i);
}

function parseLines(lines: string[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i].replace(/\t/g, '    ');
    if (isBlank(line) || (RULE.test(line) && !itemStart(line))) {
      i += 1;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      blocks.push({ type: 'heading', level: atx[1].length, inlines: parseInline(atx[2] ?? '') });
      i += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) quoted.push(lines[i++].replace(QUOTE, ''));
      blocks.push(...parseLines(quoted));
      continue;
    }
    const start = itemStart(line);
    if (start) {
      const [list, next] = parseList(lines, i, start);
      blocks.push(list);
      i = next;
      continue;
    }
    // A paragraph: until a blank line, a heading, a quote or a list item.
    const paragraph: string[] = [line];
    i += 1;
    while (i < lines.length && !isBlank(lines[i]) && !ATX.test(lines[i]) && !QUOTE.test(lines[i]) && !itemStart(lines[i])) {
      const setext = SETEXT.exec(lines[i]);
      if (setext) {
        blocks.push({ type: 'heading', level: setext[1][0] === '=' ? 1 : 2, inlines: parseInline(paragraph.join('\n')) });
        paragraph.length = 0;
        i += 1;
        break;
      }
      paragraph.push(lines[i]);
      i += 1;
    }
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', inlines: parseInline(joinParagraphLines(paragraph)) });
  }
  return blocks.filter((block) => block.type === 'list' || block.inlines.length > 0);
}

/** Lines of a paragraph: soft breaks become spaces; two trailing spaces or a backslash make a hard break. */
function joinParagraphLines(lines: string[]): string {
  return lines
    .map((line, index) => {
      const last = index === lines.length - 1;
      if (!last && (/ {2,}$/.test(line) || /\\$/.test(line))) return `${line.replace(/(\\| +)$/, '')}<br>`;
      return last ? line.trim() : `${line.trim()} `;
    })
    .join('');
}

/** A list from `from`: its items' lines, dedented, are parsed again as blocks (nested lists included). */
function parseList(lines: string[], from: number, first: ItemStart): [SourceBlock, number] {
  const items: SourceBlock[][] = [];
  let i = from;
  let current: ItemStart | null = first;
  while (current) {
    const body: string[] = [current.rest];
    i += 1;
    let next: ItemStart | null = null;
    while (i < lines.length) {
      const line = lines[i].replace(/\t/g, '    ');
      if (isBlank(line)) {
        // A blank line continues the item if what follows is indented into it, or is the next item.
        let j = i + 1;
        while (j < lines.length && isBlank(lines[j])) j += 1;
        if (j >= lines.length) {
          i = j;
          break;
        }
        const after = lines[j].replace(/\t/g, '    ');
        const indent = after.length - after.trimStart().length;
        if (indent >= current.contentIndent) {
          body.push('');
          i += 1;
          continue;
        }
        const sibling = itemStart(after);
        if (sibling && sibling.indent < current.contentIndent && sibling.bullet === current.bullet && sibling.delimiter === current.delimiter) {
          next = sibling;
          i = j;
        }
        break;
      }
      const indent = line.length - line.trimStart().length;
      const sibling = itemStart(line);
      if (sibling && indent < current.contentIndent) {
        if (sibling.bullet === current.bullet && sibling.delimiter === current.delimiter) next = sibling;
        break;
      }
      if (indent < current.contentIndent && (ATX.test(line) || QUOTE.test(line))) break;
      body.push(indent >= current.contentIndent ? dedent(line, current.contentIndent) : line.trimStart());
      i += 1;
    }
    items.push(parseLines(body));
    current = next;
  }
  return [{ type: 'list', ordered: !first.bullet, start: first.number, items: items.filter((item) => item.length > 0) }, i];
}

interface InlineRule {
  pattern: RegExp;
  mark?: InlineMark;
  kind: 'mark' | 'text' | 'break' | 'escape';
}

// Earlier rules win at the same position: ** before *, __ before _.
const INLINE_RULES: InlineRule[] = [
  { pattern: /\\([\\`*_{}[\]()#+\-.!<>~|])/, kind: 'escape' },
  { pattern: /<br\s*\/?>/i, kind: 'break' },
  { pattern: /`([^`]+)`/, kind: 'text' },
  { pattern: /!\[([^\]]*)\]\([^)]*\)/, kind: 'text' },
  { pattern: /\[([^\]]+)\]\([^)]*\)/, kind: 'text' },
  { pattern: /<u>([\s\S]+?)<\/u>/i, mark: 'underline', kind: 'mark' },
  { pattern: /<(?:strong|b)>([\s\S]+?)<\/(?:strong|b)>/i, mark: 'strong', kind: 'mark' },
  { pattern: /<(?:em|i)>([\s\S]+?)<\/(?:em|i)>/i, mark: 'em', kind: 'mark' },
  { pattern: /\*\*(?!\s)([\s\S]+?)(?<!\s)\*\*/, mark: 'strong', kind: 'mark' },
  { pattern: /(?<![\p{L}\p{N}])__(?!\s)([\s\S]+?)(?<!\s)__(?![\p{L}\p{N}])/u, mark: 'strong', kind: 'mark' },
  { pattern: /\*(?![\s*])([\s\S]+?)(?<![\s*])\*/, mark: 'em', kind: 'mark' },
  { pattern: /(?<![\p{L}\p{N}])_(?![\s_])([\s\S]+?)(?<![\s_])_(?![\p{L}\p{N}])/u, mark: 'em', kind: 'mark' },
];

/** Markdown inline text → runs with marks. */
export function parseInline(text: string, marks: InlineMark[] = []): Inline[] {
  return normalizeInlines(inlineRuns(text, marks));
}

function inlineRuns(text: string, marks: InlineMark[]): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    let best: { index: number; match: RegExpExecArray; rule: InlineRule } | null = null;
    for (const rule of INLINE_RULES) {
      const match = rule.pattern.exec(rest);
      if (match && (best === null || match.index < best.index)) best = { index: match.index, match, rule };
    }
    if (!best) {
      out.push({ type: 'text', text: rest, marks });
      break;
    }
    if (best.index > 0) out.push({ type: 'text', text: rest.slice(0, best.index), marks });
    const { match, rule } = best;
    if (rule.kind === 'break') out.push({ type: 'break' });
    else if (rule.kind === 'escape' || rule.kind === 'text') out.push({ type: 'text', text: match[1], marks });
    else out.push(...inlineRuns(match[1], rule.mark && !marks.includes(rule.mark) ? [...marks, rule.mark] : marks));
    rest = rest.slice(best.index + match[0].length);
  }
  return out;
}

export function markdownToBlocks(markdown: string): SourceBlock[] {
  const lines = markdown
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  // Raw HTML comments and tags on a line of their own carry no text.
  return parseLines(lines.filter((line) => !/^\s*<!--.*-->\s*$/.test(line)));
}
