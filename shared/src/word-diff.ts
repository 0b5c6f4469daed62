/**
 * A word-level diff for "what changed since": what a Participant approved (or a member confirmed) set
 * against the text as it is now, one language at a time.
 *
 * The texts are cut into tokens — runs of letters, digits and combining marks (a word), runs of
 * whitespace, and single other characters (punctuation, brackets) — and a longest common subsequence
 * of tokens (Myers' algorithm, from jsdiff) is kept as `equal`; the rest is `delete` (only in the old
 * text) or `insert` (only in the new one). Deletions come before insertions at the same place, adjacent
 * parts with the same op are merged, and the parts of each side concatenate back to that side's text
 * exactly.
 *
 * Pure and synchronous: the client recomputes it live as people type, the server for its API.
 */
import { diffArrays } from 'diff';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * The work a diff may take. Myers' algorithm visits about D² cells of the edit graph for D edits (tokens
 * deleted plus inserted), whatever the texts' length: a long clause with a few hundred words changed is
 * compared word by word. Beyond this many cells (more than MAX_EDITS edits) the middle is shown as one
 * deletion and one insertion, which is also what such a diff would mostly be.
 */
export const MAX_DIFF_CELLS = 4_000_000;
const MAX_EDITS = Math.floor(Math.sqrt(MAX_DIFF_CELLS));

const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;

/** The tokens of a text; they concatenate back to it. */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = wordTokens(before);
  const b = wordTokens(after);
  // The common start and end are equal in every alignment: only the middle goes to Myers.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start));
  middle(parts, a.slice(start, endA), b.slice(start, endB));
  push(parts, 'equal', a.slice(endA));
  return parts;
}

/** Whether a diff has any insertion or deletion. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((part) => part.op !== 'equal');
}

/** The text on one side of a diff: `before` drops insertions, `after` drops deletions. */
export function diffSide(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete';
  return parts
    .filter((part) => part.op !== skip)
    .map((part) => part.text)
    .join('');
}

function middle(parts: DiffPart[], a: string[], b: string[]): void {
  const changes = a.length > 0 && b.length > 0 && fewestEdits(a, b) <= MAX_EDITS ? diffArrays(a, b, { maxEditLength: MAX_EDITS }) : undefined;
  if (!changes) {
    push(parts, 'delete', a);
    push(parts, 'insert', b);
    return;
  }
  for (const change of changes) push(parts, change.added ? 'insert' : change.removed ? 'delete' : 'equal', change.value);
}

/**
 * A lower bound on the edits between two token lists: every token one side has more of than the other
 * is deleted or inserted. Counted in linear time, it spares running Myers up to MAX_EDITS on texts that
 * are mostly different (a pasted replacement) only to give up.
 */
function fewestEdits(a: readonly string[], b: readonly string[]): number {
  const balance = new Map<string, number>();
  for (const token of a) balance.set(token, (balance.get(token) ?? 0) + 1);
  for (const token of b) balance.set(token, (balance.get(token) ?? 0) - 1);
  let edits = 0;
  for (const count of balance.values()) edits += Math.abs(count);
  return edits;
}

/** Appends tokens as one part, merging with the last part when the op is the same. */
function push(parts: DiffPart[], op: DiffOp, tokens: readonly string[]): void {
  if (tokens.length === 0) return;
  const text = tokens.join('');
  const last = parts[parts.length - 1];
  if (last && last.op === op) {
    last.text += text;
    return;
  }
  // Keep deletions before insertions at one place: an insert followed by a delete is swapped.
  if (op === 'delete' && last?.op === 'insert') {
    const before = parts[parts.length - 2];
    if (before?.op === 'delete') before.text += text;
    else parts.splice(parts.length - 1, 0, { op, text });
    return;
  }
  parts.push({ op, text });
}
