/**
 * A word-level diff for "what changed since": what a Participant approved (or a member confirmed) set
 * against the text as it is now, one language at a time.
 *
 * The texts are cut into tokens — runs of letters, digits and combining marks (a word), runs of
 * whitespace, and single other characters (punctuation, brackets) — and the longest common
 * subsequence of tokens is kept as `equal`; the rest is `delete` (only in the old text) or `insert`
 * (only in the new one). Deletions come before insertions at the same place, adjacent parts with the
 * same op are merged, and the parts of each side concatenate back to that side's text exactly.
 *
 * Pure and synchronous: the client recomputes it live as people type, the server for its API.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Above this many cells in the LCS table the middle is shown as one deletion and one insertion. */
export const MAX_DIFF_CELLS = 4_000_000;

const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;

/** The tokens of a text; they concatenate back to it. */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = wordTokens(before);
  const b = wordTokens(after);
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
  return parts.filter((part) => part.op !== skip).map((part) => part.text).join('');
}

function middle(parts: DiffPart[], a: string[], b: string[]): void {
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_DIFF_CELLS) {
    push(parts, 'delete', a);
    push(parts, 'insert', b);
    return;
  }
  // lengths[i][j]: the LCS length of a[i..] and b[j..], in one flat array of (n+1)(m+1) cells.
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = a[i] === b[j]
        ? lengths[(i + 1) * width + j + 1] + 1
        : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'equal', [a[i]]);
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      push(parts, 'delete', [a[i]]);
      i += 1;
    } else {
      push(parts, 'insert', [b[j]]);
      j += 1;
    }
  }
  push(parts, 'delete', a.slice(i));
  push(parts, 'insert', b.slice(j));
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
