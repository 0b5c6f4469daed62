/**
 * Propose mode: a person's own edit of a clause text rewritten as tracked changes (docs/document-model.md
 * §3.1) before it reaches the text. Typed or pasted text becomes an `insertion`; deleted text is marked
 * `deletion` (really deleted only inside my own delegation's insertion); deleting inside another
 * delegation's insertion adds my deletion on top of it, a counter-proposal that keeps both.
 *
 * Formatting agreed text (bold, italic, underline, a bracket) is proposed as a replacement: the run is
 * marked deleted and a formatted copy inserted after it; formatting my own insertion changes it directly.
 *
 * What a proposal cannot hold is refused, with the reason for a hint: splitting or joining paragraphs
 * and any other change of structure (y-prosemirror stores no node marks), and formatting another
 * delegation's inserted text.
 *
 * Only a transaction this editor made is rewritten: never the y-sync binding's (remote changes, undo and
 * redo, which arrive as changes of the Y.Doc), never one already rewritten.
 */
import { Fragment, Mark, Slice, type Node as PMNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep, type Step } from 'prosemirror-transform';
import { ySyncPluginKey } from 'y-prosemirror';
import { schema } from '../../../shared/src/schema';

export type ProposeRefusal = 'structure' | 'formatting' | 'insideOther';

export interface ProposeContext {
  /** Whether my delegation sponsors the proposal with this id (from the proposals list, or created in this page). */
  isMine(id: string): boolean;
  /** The id my change takes: my delegation's open proposal in this clause, or a new one. */
  proposalId(doc: PMNode): string;
}

export type ProposeOutcome = { kind: 'pass' } | { kind: 'rewritten'; tr: Transaction } | { kind: 'refused'; reason: ProposeRefusal };

/** The meta key that says a transaction is propose mode's own (never rewritten twice). */
export const PROPOSED_META = 'concordia-proposed';

const { insertion, deletion } = schema.marks;
const hardBreak = schema.nodes.hard_break;

/** Whether a transaction is the person's own edit of the text (the only kind propose mode rewrites). */
export function isLocalEdit(tr: Transaction): boolean {
  if (!tr.docChanged || tr.getMeta(PROPOSED_META)) return false;
  // y-prosemirror tags what it writes from the Y.Doc (remote updates, undo, redo) with its plugin key.
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return !sync;
}

/** Rewrites `tr` (made on `state`) as tracked changes. */
export function proposeTransaction(state: EditorState, tr: Transaction, context: ProposeContext): ProposeOutcome {
  if (!isLocalEdit(tr)) return { kind: 'pass' };
  const out = state.tr.setMeta(PROPOSED_META, true);
  const id = context.proposalId(state.doc);
  let caret: number | null = null;
  for (let index = 0; index < tr.steps.length; index++) {
    const step = tr.steps[index];
    // The step was made on tr.docs[index]: back to the original text through the steps before it, then forward through ours.
    const back = new Mapping(tr.mapping.maps.slice(0, index)).invert();
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      const start = out.mapping.map(back.map(step.from, 1), 1);
      const end = out.mapping.map(back.map(step.to, -1), -1);
      if (start < end && !formatProposed(out, start, end, step.mark, step instanceof AddMarkStep, id, context))
        return { kind: 'refused', reason: 'formatting' };
      continue;
    }
    if (!(step instanceof ReplaceStep)) return { kind: 'refused', reason: isMarkStep(step) ? 'formatting' : 'structure' };
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
    const start = out.mapping.map(back.map(from, -1), -1);
    const end = out.mapping.map(back.map(to, 1), 1);
    const inline = inlineContent(slice);
    if (inline === null) return { kind: 'refused', reason: 'structure' };
    const $start = out.doc.resolve(start);
    if (!$start.parent.isTextblock) return { kind: 'refused', reason: 'structure' };
    if (start === end && inline.size === 0) continue;
    const before = out.steps.length;
    if (start < end && !markDeleted(out, start, end, id, context)) return { kind: 'refused', reason: 'structure' };
    // New text goes after the text it replaces (still there, struck through).
    const place = new Mapping(out.mapping.maps.slice(before)).map(end, -1);
    if (inline.size > 0) {
      // New words inside another delegation's run would split it: the server keeps their proposal exactly as it is.
      if (insideForeignRun(out.doc, place, context)) return { kind: 'refused', reason: 'insideOther' };
      out.insert(place, withInsertion(inline, id));
      caret = place + inline.size;
    } else {
      // A deletion: Backspace leaves the caret before the struck text, Delete after it.
      const forward = state.selection.empty && state.selection.from === from;
      caret = forward ? place : start;
    }
  }
  return { kind: 'rewritten', tr: withCaret(out, caret ?? out.mapping.map(state.selection.head)).scrollIntoView() };
}

/** Whether `pos` falls strictly inside a run of someone else's insertion or deletion. */
function insideForeignRun(doc: PMNode, pos: number, context: ProposeContext): boolean {
  const $pos = doc.resolve(pos);
  const before = $pos.nodeBefore;
  const after = $pos.nodeAfter;
  if (!before || !after) return false;
  return before.marks.some(
    (mark) => (mark.type === insertion || mark.type === deletion) && !context.isMine(mark.attrs.id as string) && mark.isInSet(after.marks),
  );
}

/**
 * A direct edit (not proposing): text typed or pasted next to or inside a proposal does not take its
 * marks along, so nobody's proposal grows by someone else's typing (the server refuses that).
 */
export function withoutInheritedProposals(tr: Transaction): Transaction {
  if (!isLocalEdit(tr)) return tr;
  const maps = tr.mapping.maps;
  const ranges: Array<[number, number]> = [];
  maps.forEach((map, index) => {
    const after = new Mapping(maps.slice(index + 1));
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd > newStart) ranges.push([after.map(newStart, 1), after.map(newEnd, -1)]);
    });
  });
  for (const [from, to] of ranges) {
    if (to <= from || (!tr.doc.rangeHasMark(from, to, insertion) && !tr.doc.rangeHasMark(from, to, deletion))) continue;
    tr.removeMark(from, to, insertion).removeMark(from, to, deletion);
  }
  return tr;
}

function withCaret(tr: Transaction, position: number): Transaction {
  const clamped = Math.max(0, Math.min(position, tr.doc.content.size));
  return tr.setSelection(TextSelection.near(tr.doc.resolve(clamped), -1));
}

function isMarkStep(step: Step): boolean {
  const json = step.toJSON() as { stepType?: string };
  return json.stepType === 'addMark' || json.stepType === 'removeMark';
}

/**
 * The inline content a slice brings, or null when it changes the structure. Several pasted paragraphs
 * are joined into one, with spaces; a slice of empty blocks only (Enter, a join) is a change of structure.
 */
export function inlineContent(slice: Slice): Fragment | null {
  if (slice.size === 0) return Fragment.empty;
  const isInline = slice.content.firstChild?.isInline ?? false;
  if (isInline && slice.openStart === 0 && slice.openEnd === 0) return stripBreaks(slice.content);
  const blocks: Fragment[] = [];
  slice.content.descendants((node) => {
    if (node.isTextblock) {
      blocks.push(node.content);
      return false;
    }
    return !node.isInline;
  });
  if (isInline) blocks.unshift(slice.content);
  const filled = blocks.filter((content) => content.size > 0);
  if (filled.length === 0) return null;
  let joined = Fragment.empty;
  filled.forEach((content, i) => {
    if (i > 0) joined = joined.addToEnd(schema.text(' '));
    joined = joined.append(content);
  });
  return stripBreaks(joined);
}

/** Line breaks are nodes, which y-prosemirror cannot mark: a pasted one reads as a space. */
function stripBreaks(content: Fragment): Fragment {
  const nodes: PMNode[] = [];
  content.forEach((node) => nodes.push(node.type === hardBreak ? schema.text(' ', node.marks) : node));
  return Fragment.fromArray(nodes.filter((node) => node.isText));
}

/** The inserted content, marked as my insertion (whatever proposal marks it came with dropped). */
function withInsertion(content: Fragment, id: string): Fragment {
  const mark = insertion.create({ id });
  const nodes: PMNode[] = [];
  content.forEach((node) => nodes.push(node.mark(mark.addToSet(withoutProposals(node.marks)))));
  return Fragment.fromArray(nodes);
}

function withoutProposals(marks: readonly Mark[]): readonly Mark[] {
  return marks.filter((mark) => mark.type !== insertion && mark.type !== deletion);
}

/**
 * Proposes a change of formatting over [from, to): each run of agreed text is marked deleted and a copy
 * with the new formatting inserted after it; my own insertions are formatted directly; text already
 * struck through stays as it is. False when the range holds another delegation's insertion.
 */
function formatProposed(tr: Transaction, from: number, to: number, mark: Mark, add: boolean, id: string, context: ProposeContext): boolean {
  const runs: Array<{ from: number; to: number; node: PMNode; at: number }> = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return !node.isInline;
    runs.push({ from: Math.max(from, pos), to: Math.min(to, pos + node.nodeSize), node, at: pos });
    return false;
  });
  const inserted = insertion.create({ id });
  for (const run of runs.reverse()) {
    const marks = run.node.marks;
    const theirs = marks.find((m) => m.type === insertion);
    if (theirs && context.isMine(theirs.attrs.id as string)) {
      if (add) tr.addMark(run.from, run.to, mark);
      else tr.removeMark(run.from, run.to, mark);
      continue;
    }
    if (theirs) return false;
    if (deletion.isInSet(marks)) continue;
    const base = withoutProposals(marks);
    const next = add ? mark.addToSet(base) : mark.removeFromSet(base);
    if (Mark.sameSet(next, base)) continue;
    const copy = (run.node.text ?? '').slice(run.from - run.at, run.to - run.at);
    tr.insert(run.to, schema.text(copy, inserted.addToSet(next)));
    tr.addMark(run.from, run.to, deletion.create({ id }));
  }
  return true;
}

/**
 * Marks the text in [from, to) as deleted by my proposal; my own insertions there are really deleted.
 * False when the range holds anything but text (a line break cannot carry a mark).
 */
function markDeleted(tr: Transaction, from: number, to: number, id: string, context: ProposeContext): boolean {
  const runs: Array<{ from: number; to: number; node: PMNode }> = [];
  let ok = true;
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    if (!node.isText) ok = false;
    runs.push({ from: Math.max(from, pos), to: Math.min(to, pos + node.nodeSize), node });
    return false;
  });
  // Nothing but block boundaries (Backspace at the start of a paragraph): a join, not a deletion.
  if (!ok || runs.length === 0) return false;
  const mark = deletion.create({ id });
  // From the end, so that the positions before a real deletion stay as they are.
  for (const run of runs.reverse()) {
    const own = run.node.marks.find((m) => m.type === insertion && context.isMine(m.attrs.id as string));
    if (own) tr.delete(run.from, run.to);
    else if (!deletion.isInSet(run.node.marks)) tr.addMark(run.from, run.to, mark);
  }
  return true;
}
