/**
 * An article's title ("Article 1. Purpose" → "Purpose") in the clause text. The schema has no node
 * for a clause heading and a paragraph has no attributes (docs/document-model.md §3), so the title is
 * written as the clause's first paragraph, on a line of its own and in bold — the heading line a
 * reader of the Word draft saw — and the body follows in its own paragraphs. Until it is written, the
 * preview keeps it apart (RowText.title), so that aligning, splitting and merging know it for what it
 * is. This is the one place that decides how a title is written.
 */
import type { MarkJSON, NodeJSON } from '../schema';

function bold(node: NodeJSON): NodeJSON {
  if (node.type !== 'text') return node;
  const marks: MarkJSON[] = node.marks ?? [];
  return marks.some((mark) => mark.type === 'strong') ? node : { ...node, marks: [...marks, { type: 'strong' }] };
}

/** The title as the clause's heading line: a paragraph whose text is all bold. */
export function titleParagraph(title: NodeJSON): NodeJSON {
  const content = (title.content ?? []).map(bold);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** The clause text to write: the heading line, then the body (without the empty paragraph of an empty body). */
export function withTitle(content: NodeJSON, title: NodeJSON | null | undefined): NodeJSON {
  if (!title || (title.content ?? []).length === 0) return content;
  const body = (content.content ?? []).filter((block) => !(block.type === 'paragraph' && (block.content ?? []).length === 0));
  return { type: 'doc', content: [titleParagraph(title), ...body] };
}
