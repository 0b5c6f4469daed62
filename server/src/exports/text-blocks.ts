/**
 * A canonical clause text as the lines an export draws: paragraphs with their indent level, a list
 * prefix ("1. ", "• ") and runs of text with their marks. Numbering and indentation follow
 * `plainText` (docs/document-model.md §6), so every export reads the same as the canonical text.
 */
import type { CanonicalNode } from '../../../shared/src/canonical';
import type { RecordClause } from '../../../shared/src/versions/version-record';

/** What drawing a clause needs of it: a version's clause, or a draft's (draft-text.ts). */
export type DrawnClause = Pick<RecordClause, 'kind' | 'number' | 'texts'>;

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** A draft's text (draft-text.ts) keeps its proposals: the id of the proposal inserting this run. Never in a canonical text. */
  insertion?: string;
  /** The id of the proposal deleting this run (a draft's text only). */
  deletion?: string;
}

export interface TextBlock {
  level: number;
  prefix: string;
  runs: Run[];
}

export function textBlocks(doc: CanonicalNode | null): TextBlock[] {
  if (!doc) return [];
  const blocks: TextBlock[] = [];
  for (const node of doc.content ?? []) pushBlock(blocks, node, 0, '');
  return blocks;
}

/** The characters of a block, prefix included. */
export function blockText(block: TextBlock): string {
  return block.prefix + block.runs.map((run) => run.text).join('');
}

function pushBlock(blocks: TextBlock[], node: CanonicalNode, level: number, prefix: string): void {
  switch (node.type) {
    case 'paragraph':
      blocks.push({ level, prefix, runs: (node.content ?? []).map(runOf) });
      return;
    case 'ordered_list': {
      const start = typeof node.attrs?.order === 'number' ? node.attrs.order : 1;
      (node.content ?? []).forEach((item, i) => pushItem(blocks, item, level, `${start + i}. `));
      return;
    }
    case 'bullet_list':
      for (const item of node.content ?? []) pushItem(blocks, item, level, '• ');
      return;
    default:
      throw new RangeError(`Cannot export a ${node.type} node as a block`);
  }
}

function pushItem(blocks: TextBlock[], item: CanonicalNode, level: number, prefix: string): void {
  (item.content ?? []).forEach((child, i) => pushBlock(blocks, child, i === 0 && child.type === 'paragraph' ? level : level + 1, i === 0 ? prefix : ''));
}

function runOf(node: CanonicalNode): Run {
  const marks = new Set((node.marks ?? []).map((mark) => mark.type));
  const run: Run = {
    text: node.type === 'hard_break' ? '\n' : (node.text ?? ''),
    bold: marks.has('strong'),
    italic: marks.has('em'),
    underline: marks.has('underline'),
  };
  for (const mark of node.marks ?? []) {
    if ((mark.type === 'insertion' || mark.type === 'deletion') && typeof mark.attrs?.id === 'string') run[mark.type] = mark.attrs.id;
  }
  return run;
}
