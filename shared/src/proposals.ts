/**
 * Proposals inside a clause text: tracked changes that a delegation tables instead of changing the
 * agreed text. An `insertion` mark holds text the proposal adds, a `deletion` mark agreed text it
 * removes; both carry the proposal's id, never its sponsor (the server records that).
 *
 * Three readings of one text (docs/document-model.md §3.1):
 *   - agreed:   every open proposal left out (insertions absent, deletions present) — what approvals,
 *               fingerprints and concordance cover;
 *   - proposed: every open proposal accepted (insertions present, deletions absent);
 *   - inline:   the text as stored, with the marks.
 */
import { Fragment, Node as PMNode } from 'prosemirror-model';
import { schema, PROPOSAL_ID_PATTERN, type NodeJSON } from './schema';

export type ProposalMarkType = 'insertion' | 'deletion';
export const PROPOSAL_MARKS: readonly ProposalMarkType[] = ['insertion', 'deletion'];

/** A new proposal id: `p_` and 64 random bits in hex, so two clients never pick the same one. */
export function newProposalId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return `p_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function isProposalId(value: unknown): value is string {
  return typeof value === 'string' && PROPOSAL_ID_PATTERN.test(value);
}

const insertionType = schema.marks.insertion;
const deletionType = schema.marks.deletion;

/** The agreed text: inline content marked `insertion` left out, `deletion` marks dropped. */
export function agreedNode(node: PMNode): PMNode {
  return project(node, insertionType, deletionType);
}

/** The text as if every proposal were accepted: `deletion`-marked content left out, `insertion` marks dropped. */
export function proposedNode(node: PMNode): PMNode {
  return project(node, deletionType, insertionType);
}

/** `agreedNode` or `proposedNode` on JSON (`doc` nodes as y-prosemirror or Node.toJSON give them). */
export function agreedJSON(json: NodeJSON): NodeJSON {
  return agreedNode(PMNode.fromJSON(schema, json)).toJSON() as NodeJSON;
}

export function proposedJSON(json: NodeJSON): NodeJSON {
  return proposedNode(PMNode.fromJSON(schema, json)).toJSON() as NodeJSON;
}

function project(node: PMNode, dropMarked: typeof insertionType, unmark: typeof insertionType): PMNode {
  if (node.isLeaf) return unmark.isInSet(node.marks) ? node.mark(unmark.removeFromSet(node.marks)) : node;
  let changed = false;
  const children: PMNode[] = [];
  node.forEach((child) => {
    const projected = child.isInline && dropMarked.isInSet(child.marks) ? null : project(child, dropMarked, unmark);
    if (projected !== child) changed = true;
    if (projected) children.push(projected);
  });
  return changed ? node.copy(Fragment.fromArray(children)) : node;
}

/** One contiguous run of a proposal in a text: what it inserts or deletes there. */
export interface ProposalRun {
  type: ProposalMarkType;
  /** The run's text; a hard break reads as "\n". */
  text: string;
}

/**
 * Every proposal in a text, by id, with its runs in document order (adjacent inline nodes of one
 * proposal and one type form one run, across formatting changes but not across blocks).
 */
export function proposalRuns(node: PMNode): Map<string, ProposalRun[]> {
  const runs = new Map<string, ProposalRun[]>();
  const open = new Map<string, { end: number; parent: PMNode | null; run: ProposalRun }>();
  node.descendants((child, pos, parent) => {
    if (!child.isInline) return true;
    const text = child.isText ? (child.text ?? '') : child.type.name === 'hard_break' ? '\n' : '';
    for (const mark of child.marks) {
      if (mark.type !== insertionType && mark.type !== deletionType) continue;
      const id = mark.attrs.id as string;
      const type = mark.type.name as ProposalMarkType;
      const key = `${id} ${type}`;
      const current = open.get(key);
      if (current && current.end === pos && current.parent === parent) {
        current.run.text += text;
        current.end = pos + child.nodeSize;
        continue;
      }
      const run: ProposalRun = { type, text };
      const list = runs.get(id) ?? [];
      list.push(run);
      runs.set(id, list);
      open.set(key, { end: pos + child.nodeSize, parent, run });
    }
    return false;
  });
  return runs;
}

/** The ids of every proposal in a text. */
export function proposalIds(node: PMNode): Set<string> {
  return new Set(proposalRuns(node).keys());
}
