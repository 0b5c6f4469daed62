/**
 * Splits one language's blocks into clause rows: the preamble, section headings and clauses.
 *
 * How a file marks its clauses decides how it is read, strongest first:
 *   1. article labels ("Article 3.", "Artículo 3 –"): each label opens a clause; numbered
 *      paragraphs inside it are its sub-paragraphs (a run of them becomes an ordered list);
 *   2. numbered paragraphs ("3. …"): each opens a clause;
 *   3. a top-level numbered list (Word's automatic numbering): each item is a clause, unless a
 *      paragraph ending in ":" introduces it — then it belongs to that clause;
 *   4. headings alone: each paragraph under a heading is a clause;
 *   5. nothing but paragraphs separated by blank lines: each is a clause.
 * Before the first clause or heading, each paragraph is a preamble item. A heading that opens the
 * final provisions ("Final Provisions", "Disposiciones finales") makes the clauses under it 'final'.
 * Written numbers are taken out of the text (numbering is derived, never stored) and kept on the row
 * for aligning the languages. An article's title — "Article 1. Purpose", or a short line "Purpose"
 * right under "Article 1" — is kept apart from its body (ImportedClause.title) when a body follows
 * that starts as a sentence does; "Article 2 – The Participants" followed by "continue here." is one
 * sentence, not a title.
 */
import type { ClauseKind } from '../yjs-layout';
import { blocksToJSON, blockText, docJSON, dropPrefix, inlineLines, inlineText, normalizeInlines, paragraphJSON } from './inline';
import { FINAL_PROVISIONS, articleMarker, headingNumber, numberedMarker, sectionMarker } from './markers';
import type { ClauseMarker, ImportedClause, Inline, ParsedText, SourceBlock } from './types';

export type Structure = 'articles' | 'numbered' | 'list' | 'headings' | 'paragraphs' | 'none';

export interface Segmentation extends ParsedText {
  /** What the clauses were recognised by; 'none' when the text has no structure to import. */
  structure: Structure;
}

interface OpenClause {
  kind: ClauseKind;
  number: string | null;
  marker: ClauseMarker;
  blocks: SourceBlock[];
  title: Inline[] | null;
}

const TERMINAL = /[.;:,!?)»”"]$/u;
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const paragraphText = (block: SourceBlock) => (block.type === 'list' ? '' : inlineText(block.inlines).trim());

/** A short line that reads as a heading: "SECTION II", "FINAL PROVISIONS", a short line all in bold. */
function looksLikeHeading(block: SourceBlock): boolean {
  if (block.type !== 'paragraph') return false;
  const text = paragraphText(block);
  if (text === '' || articleMarker(text) || numberedMarker(text)) return false;
  if (sectionMarker(text)) return true;
  if (words(text) > 12 || TERMINAL.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
  const runs = block.inlines.filter((inline): inline is Extract<Inline, { type: 'text' }> => inline.type === 'text' && inline.text.trim() !== '');
  return runs.length > 0 && runs.every((run) => run.marks.includes('strong'));
}

/** A short line with no closing punctuation right before a clause: a heading in a plain-text draft. */
function shortLine(block: SourceBlock): boolean {
  if (block.type !== 'paragraph') return false;
  const text = paragraphText(block);
  return text !== '' && words(text) <= 10 && !TERMINAL.test(text) && !articleMarker(text) && !numberedMarker(text);
}

/** A line that can be an article's title: short, capitalised, not a sentence, not another label. */
function titleLike(text: string): boolean {
  return (
    text !== '' &&
    words(text) <= 12 &&
    !TERMINAL.test(text) &&
    /^[\p{Lu}\d]/u.test(text) &&
    !articleMarker(text) &&
    !sectionMarker(text) &&
    !FINAL_PROVISIONS.test(text)
  );
}

/** Whether this block can open an article's body: a list, or a paragraph that starts as a sentence does. */
function startsBody(block: SourceBlock | undefined): boolean {
  if (!block) return false;
  if (block.type === 'list') return block.items.length > 0;
  if (block.type !== 'paragraph') return false;
  const text = paragraphText(block);
  return text !== '' && !articleMarker(text) && !sectionMarker(text) && /^[\p{Lu}\d"“«(¿¡]/u.test(text);
}

/**
 * An article label's own line, after the label: its title, and what is left as the first body
 * paragraph. "Purpose" (a body follows in the next block) and "Purpose⏎The purpose is …" (a line
 * break, then the body) are titles; "They cooperate." is a body.
 */
function splitTitle(afterLabel: Inline[], next: SourceBlock | undefined): { title: Inline[] | null; body: Inline[] } {
  const [first, ...more] = inlineLines(afterLabel);
  const rest = normalizeInlines(more.flatMap((line, i) => (i === 0 ? line : [{ type: 'break' as const }, ...line])));
  if (!titleLike(inlineText(first).trim())) return { title: null, body: afterLabel };
  if (rest.length > 0)
    return /^[\p{Lu}\d"“«(¿¡]/u.test(inlineText(rest).trim()) ? { title: normalizeInlines(first), body: rest } : { title: null, body: afterLabel };
  return startsBody(next) ? { title: normalizeInlines(first), body: [] } : { title: null, body: afterLabel };
}

function introducesList(block: SourceBlock | undefined): boolean {
  return block?.type === 'paragraph' && /:$/.test(paragraphText(block));
}

function chooseStructure(blocks: readonly SourceBlock[]): Structure {
  const texts = blocks.map((block) => (block.type === 'list' ? '' : inlineText(block.inlines).trim()));
  if (texts.some((text) => articleMarker(text))) return 'articles';
  if (texts.filter((text, i) => blocks[i].type === 'paragraph' && numberedMarker(text)).length >= 2) return 'numbered';
  if (blocks.some((block, i) => block.type === 'list' && block.ordered && !introducesList(blocks[i - 1]))) return 'list';
  if (blocks.some((block) => block.type === 'heading' || looksLikeHeading(block))) return 'headings';
  const paragraphs = blocks.filter((block) => block.type === 'paragraph').length;
  return paragraphs >= 2 ? 'paragraphs' : 'none';
}

/** Takes the title out: a Title-styled paragraph, a lone top heading above all others, or a capitalised first line. */
function takeTitle(blocks: SourceBlock[]): { title: string | null; rest: SourceBlock[] } {
  const titles = blocks.filter((block) => block.type === 'title');
  if (titles.length > 0) {
    return {
      title:
        titles
          .map((block) => blockText(block).trim())
          .join(' ')
          .trim() || null,
      rest: blocks.filter((block) => block.type !== 'title'),
    };
  }
  const [first, ...others] = blocks;
  if (first?.type === 'heading') {
    const levels = others.flatMap((block) => (block.type === 'heading' ? [block.level] : []));
    if (levels.length > 0 && levels.every((level) => level > first.level)) return { title: blockText(first).trim(), rest: others };
  }
  if (first?.type === 'paragraph' && !blocks.some((block) => block.type === 'heading') && looksLikeHeading(first) && !sectionMarker(paragraphText(first))) {
    const next = others[0];
    const nextIsHeading = next !== undefined && looksLikeHeading(next);
    if (!nextIsHeading) return { title: paragraphText(first), rest: others };
  }
  return { title: null, rest: blocks };
}

/** In an article, a run of "1." "2." paragraphs numbered in sequence is an ordered list. */
function numberedRunsToLists(blocks: readonly SourceBlock[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i];
    const first = block.type === 'paragraph' ? numberedMarker(paragraphText(block)) : null;
    if (!first || !/^\d+$/.test(first.number)) {
      out.push(block);
      i += 1;
      continue;
    }
    const items: SourceBlock[][] = [];
    let expected = Number(first.number);
    while (i < blocks.length) {
      const candidate = blocks[i];
      const marker = candidate.type === 'paragraph' ? numberedMarker(paragraphText(candidate)) : null;
      if (!marker || marker.number !== String(expected) || candidate.type !== 'paragraph') break;
      items.push([{ type: 'paragraph', inlines: dropPrefix(candidate.inlines, marker.length) }]);
      expected += 1;
      i += 1;
      // A list nested under an item stays with it.
      while (i < blocks.length && blocks[i].type === 'list') items[items.length - 1].push(blocks[i++]);
    }
    out.push({ type: 'list', ordered: true, start: Number(first.number), items });
  }
  return out;
}

export function segmentBlocks(input: readonly SourceBlock[]): Segmentation {
  const { title, rest } = takeTitle(input.filter((block) => (block.type === 'list' ? block.items.length > 0 : inlineText(block.inlines).trim() !== '')));
  const structure = chooseStructure(rest);
  if (structure === 'none' && rest.length === 0) return { title, clauses: [], structure };
  const hasHeadingBlocks = rest.some((block) => block.type === 'heading');
  const clauses: ImportedClause[] = [];
  let open: OpenClause | null = null;
  let inBody = false;
  let finalSection = false;

  const close = () => {
    if (!open) return;
    const blocks = structure === 'articles' ? numberedRunsToLists(open.blocks) : open.blocks;
    const content = docJSON(blocksToJSON(blocks));
    const clause: ImportedClause = { kind: open.kind, number: open.number, marker: open.marker, content };
    if (open.title) clause.title = paragraphJSON(open.title);
    clauses.push(clause);
    open = null;
  };
  const openClause = (marker: ClauseMarker, number: string | null, blocks: SourceBlock[] = [], title: Inline[] | null = null) => {
    close();
    inBody = true;
    open = { kind: finalSection ? 'final' : 'clause', number, marker, blocks, title };
  };
  const heading = (inlines: Inline[]) => {
    close();
    inBody = true;
    const text = inlineText(inlines).trim();
    const marker = sectionMarker(text) ?? headingNumber(text);
    const body = marker ? dropPrefix(inlines, marker.length) : inlines;
    finalSection = FINAL_PROVISIONS.test(inlineText(body));
    clauses.push({ kind: 'heading', number: marker?.number ?? null, marker: 'heading', content: docJSON([paragraphJSON(body.length > 0 ? body : inlines)]) });
  };
  const attach = (block: SourceBlock) => {
    if (open) open.blocks.push(block);
    else if (inBody) openClause('paragraph', null, [block]);
    else open = { kind: 'preamble', number: null, marker: 'preamble', blocks: [block], title: null };
  };

  let titleLine = -1;
  for (const [index, block] of rest.entries()) {
    if (index === titleLine) continue;
    const next = rest[index + 1];
    if (block.type === 'list') {
      if (structure === 'list' && block.ordered && !introducesList(rest[index - 1])) {
        block.items.forEach((item, i) => openClause('list_item', String(block.start + i), item));
      } else {
        attach(block);
      }
      continue;
    }
    const text = inlineText(block.inlines).trim();
    const article = structure === 'articles' ? articleMarker(text) : null;
    if (article) {
      const afterLabel = dropPrefix(block.inlines, article.length);
      if (afterLabel.length === 0 && next !== undefined && next.type !== 'list' && titleLike(inlineText(next.inlines).trim()) && startsBody(rest[index + 2])) {
        // "Article 1" alone, then its title on a line of its own (often a heading style), then the body.
        titleLine = index + 1;
        openClause('article', article.number, [], normalizeInlines(next.inlines));
        continue;
      }
      const { title, body } = splitTitle(afterLabel, next);
      openClause('article', article.number, body.length > 0 ? [{ type: 'paragraph', inlines: body }] : [], title);
      continue;
    }
    const numbered = structure === 'numbered' && block.type === 'paragraph' ? numberedMarker(text) : null;
    if (numbered) {
      openClause('numbered', numbered.number, [{ type: 'paragraph', inlines: dropPrefix(block.inlines, numbered.length) }]);
      continue;
    }
    const clauseFollows =
      next !== undefined &&
      next.type !== 'list' &&
      (articleMarker(inlineText(next.inlines).trim()) !== null || (structure === 'numbered' && numberedMarker(inlineText(next.inlines).trim()) !== null));
    if (block.type === 'heading' || looksLikeHeading(block) || (!hasHeadingBlocks && structure !== 'paragraphs' && clauseFollows && shortLine(block))) {
      heading(block.inlines);
      continue;
    }
    if (block.type === 'title') continue;
    if (structure === 'headings' || structure === 'paragraphs') {
      if (inBody || structure === 'paragraphs') {
        openClause('paragraph', null, [block]);
        continue;
      }
      close();
      open = { kind: 'preamble', number: null, marker: 'preamble', blocks: [block], title: null };
      continue;
    }
    if (!inBody) {
      close();
      open = { kind: 'preamble', number: null, marker: 'preamble', blocks: [block], title: null };
      continue;
    }
    attach(block);
  }
  close();
  return { title, clauses, structure };
}
