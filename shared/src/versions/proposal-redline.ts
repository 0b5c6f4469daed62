/**
 * The redline "with proposals" (redline.ts [R5]): a text read inline (docs/document-model.md §3.1) as
 * plain-text segments, each either agreed text or the text of a proposal's insertion or deletion, and
 * a word diff of two such texts in which a word is only equal to a word of the same proposal part.
 *
 * The plain text follows `plainText` (canonical.ts) exactly: blocks separated by "\n\n", list items by
 * "\n" with their "1. " / "• " prefix and indented further lines, hard breaks as "\n". Prefixes,
 * separators and indentation are agreed text. A text without proposals gives one agreed segment equal
 * to `plainText` of its canonical form.
 */
import { diffArrays } from 'diff';
import { Node as PMNode } from 'prosemirror-model';
import { schema, type NodeJSON } from '../schema';
import { MAX_DIFF_CELLS, wordTokens, type DiffOp } from '../word-diff';
import type { ProposalMarkType } from '../proposals';

/** A proposal part a piece of text belongs to: the proposal's id and whether it inserts or deletes it. */
export interface ProposalMarkRef {
  id: string;
  type: ProposalMarkType;
}

/**
 * A run of plain text and the proposal parts it belongs to: none for agreed text; one insertion or one
 * deletion; or, for another delegation's insertion that a counter-proposal deletes, the insertion first.
 */
export interface TextSegment {
  text: string;
  proposals: ProposalMarkRef[];
}

export interface MarkedDiffPart {
  op: DiffOp;
  text: string;
  /** Absent for agreed text. */
  proposals?: ProposalMarkRef[];
}

const MAX_EDITS = Math.floor(Math.sqrt(MAX_DIFF_CELLS));

/** The inline text as segments; an invalid or missing text reads as no text (as `plainText` fails on it). */
export function inlineSegments(json: NodeJSON | null | undefined): TextSegment[] {
  if (!json) return [];
  let doc: PMNode;
  try {
    doc = PMNode.fromJSON(schema, json);
    if (doc.type !== schema.topNodeType) return [];
    doc.check();
  } catch {
    return [];
  }
  const out: TextSegment[] = [];
  doc.forEach((block, _offset, index) => {
    if (index > 0) append(out, '\n\n', []);
    for (const segment of blockSegments(block)) append(out, segment.text, segment.proposals);
  });
  return out;
}

/** The plain text of segments: what the reader sees of one side. */
export function segmentsText(segments: readonly TextSegment[]): string {
  return segments.map((s) => s.text).join('');
}

/** A word diff of two inline texts: a token is kept as equal only with the same text and the same proposal parts. */
export function markedDiff(before: readonly TextSegment[], after: readonly TextSegment[]): MarkedDiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start].key === b[start].key) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1].key === b[endB - 1].key) {
    endA -= 1;
    endB -= 1;
  }
  const parts: MarkedDiffPart[] = [];
  for (const token of a.slice(0, start)) push(parts, 'equal', token);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const changes =
    midA.length > 0 && midB.length > 0 && Math.abs(midA.length - midB.length) <= MAX_EDITS
      ? diffArrays(
          midA.map((t) => t.key),
          midB.map((t) => t.key),
          { maxEditLength: MAX_EDITS },
        )
      : undefined;
  if (!changes) {
    for (const token of midA) push(parts, 'delete', token);
    for (const token of midB) push(parts, 'insert', token);
  } else {
    let i = 0;
    let j = 0;
    for (const change of changes) {
      for (let n = 0; n < change.value.length; n += 1) {
        if (change.removed) push(parts, 'delete', midA[i++]);
        else if (change.added) push(parts, 'insert', midB[j++]);
        else {
          push(parts, 'equal', midB[j++]);
          i += 1;
        }
      }
    }
  }
  for (const token of a.slice(endA)) push(parts, 'equal', token);
  return parts;
}

/** One side only (a clause added or removed): its segments as parts of one op. */
export function sideParts(segments: readonly TextSegment[], op: 'insert' | 'delete'): MarkedDiffPart[] {
  const parts: MarkedDiffPart[] = [];
  for (const segment of segments) push(parts, op, { key: markKey(segment.proposals), text: segment.text, proposals: segment.proposals });
  return parts;
}

interface Token {
  key: string;
  text: string;
  proposals: ProposalMarkRef[];
}

function tokens(segments: readonly TextSegment[]): Token[] {
  const list: Token[] = [];
  for (const segment of segments) {
    const mark = markKey(segment.proposals);
    for (const text of wordTokens(segment.text)) list.push({ key: `${mark}\u0000${text}`, text, proposals: segment.proposals });
  }
  return list;
}

function markKey(proposals: readonly ProposalMarkRef[]): string {
  return proposals.map((p) => `${p.type}:${p.id}`).join(',');
}

function push(parts: MarkedDiffPart[], op: DiffOp, token: Token): void {
  const last = parts[parts.length - 1];
  const mark = markKey(token.proposals);
  if (last && last.op === op && markKey(last.proposals ?? []) === mark) {
    last.text += token.text;
    return;
  }
  parts.push(token.proposals.length > 0 ? { op, text: token.text, proposals: token.proposals.map((p) => ({ ...p })) } : { op, text: token.text });
}

function append(out: TextSegment[], text: string, proposals: ProposalMarkRef[]): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && markKey(last.proposals) === markKey(proposals)) last.text += text;
  else out.push({ text, proposals });
}

function marksOf(node: PMNode): ProposalMarkRef[] {
  const refs: ProposalMarkRef[] = [];
  for (const type of ['insertion', 'deletion'] as const) {
    const mark = node.marks.find((m) => m.type.name === type);
    if (mark) refs.push({ id: String(mark.attrs.id), type });
  }
  return refs;
}

function blockSegments(block: PMNode): TextSegment[] {
  const out: TextSegment[] = [];
  if (block.type.name === 'paragraph') {
    block.forEach((child) => {
      if (child.isText) append(out, (child.text ?? '').normalize('NFC'), marksOf(child));
      else if (child.type.name === 'hard_break') append(out, '\n', marksOf(child));
    });
  } else if (block.type.name === 'ordered_list' || block.type.name === 'bullet_list') {
    const start = typeof block.attrs.order === 'number' ? block.attrs.order : 1;
    block.forEach((item, _offset, index) => {
      if (index > 0) append(out, '\n', []);
      const prefix = block.type.name === 'ordered_list' ? `${start + index}. ` : '• ';
      for (const segment of prefixLines(prefix, itemSegments(item))) append(out, segment.text, segment.proposals);
    });
  }
  return out;
}

function itemSegments(item: PMNode): TextSegment[] {
  const out: TextSegment[] = [];
  item.forEach((block, _offset, index) => {
    if (index > 0) append(out, '\n', []);
    for (const segment of blockSegments(block)) append(out, segment.text, segment.proposals);
  });
  return out;
}

/** As canonical.ts `prefixLines`: the prefix before the first line, its width before every further line that is not empty. */
function prefixLines(prefix: string, segments: readonly TextSegment[]): TextSegment[] {
  const indent = ' '.repeat(prefix.length);
  const out: TextSegment[] = [{ text: prefix, proposals: [] }];
  let lineStart = false;
  for (const segment of segments) {
    let pending = '';
    for (const char of segment.text) {
      if (lineStart && char !== '\n') {
        append(out, pending, segment.proposals);
        pending = '';
        append(out, indent, []);
      }
      pending += char;
      lineStart = char === '\n';
    }
    append(out, pending, segment.proposals);
  }
  return out;
}
