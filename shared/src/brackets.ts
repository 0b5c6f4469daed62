/**
 * Brackets inside a clause text: language that is not yet agreed stands in [square brackets]. A
 * `bracket` mark carries the bracket's id; the English and Spanish spans of one disputed passage carry
 * the same id and are one bracket. Sponsors, note and status are not in the mark (the server records
 * them, docs/document-model.md §3.2). A mark with a null id is an "unregistered" bracket written before
 * brackets had ids: it is read and still blocks the freeze [F2], but nobody sponsors it.
 *
 * Designed to nest one level inside an option set later: a bracket is a mark on inline text, whatever
 * block or option the text is in.
 */
import { Fragment, Node as PMNode } from 'prosemirror-model';
import { schema, BRACKET_ID_PATTERN } from './schema';

/** A new bracket id: `b_` and 64 random bits in hex, so two clients never pick the same one. */
export function newBracketId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return `b_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function isBracketId(value: unknown): value is string {
  return typeof value === 'string' && BRACKET_ID_PATTERN.test(value);
}

const bracketType = schema.marks.bracket;

/** The key under which an unregistered (attribute-less) bracket is listed by `bracketRuns`. */
export const UNREGISTERED_BRACKET = 'unregistered';

/**
 * Every bracket in a text, by id (unregistered ones under `UNREGISTERED_BRACKET`), with the text of
 * each contiguous run in document order; a hard break reads as "\n". Adjacent inline nodes of one
 * bracket form one run across formatting changes, not across blocks.
 */
export function bracketRuns(node: PMNode): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  let open: { key: string; end: number; parent: PMNode | null; index: number } | null = null;
  node.descendants((child, pos, parent) => {
    if (!child.isInline) return true;
    const mark = bracketType.isInSet(child.marks);
    if (!mark) return false;
    const key = (mark.attrs.id as string | null) ?? UNREGISTERED_BRACKET;
    const text = child.isText ? (child.text ?? '') : child.type.name === 'hard_break' ? '\n' : '';
    const list = runs.get(key) ?? [];
    if (open && open.key === key && open.end === pos && open.parent === parent) {
      list[open.index] += text;
    } else {
      list.push(text);
      open = { key, end: pos, parent, index: list.length - 1 };
    }
    open.end = pos + child.nodeSize;
    runs.set(key, list);
    return false;
  });
  return runs;
}

/** The ids of the registered brackets in a text (unregistered ones left out). */
export function bracketIds(node: PMNode): Set<string> {
  return new Set([...bracketRuns(node).keys()].filter(isBracketId));
}

/** The text with every bracket's id dropped (marks kept): what the canonical form hashes. */
export function withoutBracketIds(node: PMNode): PMNode {
  if (node.isLeaf) {
    const mark = bracketType.isInSet(node.marks);
    return mark && mark.attrs.id !== null ? node.mark(bracketType.create().addToSet(bracketType.removeFromSet(node.marks))) : node;
  }
  let changed = false;
  const children: PMNode[] = [];
  node.forEach((child) => {
    const projected = withoutBracketIds(child);
    if (projected !== child) changed = true;
    children.push(projected);
  });
  return changed ? node.copy(Fragment.fromArray(children)) : node;
}

/** The text with every bracket mark dropped: what a delegation may not change in the negotiation phase [R3]. */
export function withoutBrackets(node: PMNode): PMNode {
  if (node.isLeaf) return bracketType.isInSet(node.marks) ? node.mark(bracketType.removeFromSet(node.marks)) : node;
  let changed = false;
  const children: PMNode[] = [];
  node.forEach((child) => {
    const projected = withoutBrackets(child);
    if (projected !== child) changed = true;
    children.push(projected);
  });
  return changed ? node.copy(Fragment.fromArray(children)) : node;
}
