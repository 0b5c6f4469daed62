/**
 * Propose mode (client/src/editor/propose-transform.ts) on EditorState transactions alone: what a
 * delegate types, deletes and pastes becomes tracked changes of their delegation's proposal; what a
 * proposal cannot hold is refused; remote changes are never touched.
 */
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { ySyncPluginKey } from 'y-prosemirror';
import { schema } from '../../../shared/src/schema';
import { agreedNode, proposedNode } from '../../../shared/src/proposals';
import { proposeTransaction, withoutInheritedProposals, type ProposeContext, type ProposeOutcome } from '../../../client/src/editor/propose-transform';

const MINE = 'p_00000000000000aa';
const THEIRS = 'p_00000000000000bb';
const NEW = 'p_00000000000000cc';

const text = (value: string, ...marks: Array<'ins-mine' | 'ins-theirs' | 'del-theirs' | 'strong'>) =>
  schema.text(
    value,
    marks.map((m) =>
      m === 'ins-mine'
        ? schema.marks.insertion.create({ id: MINE })
        : m === 'ins-theirs'
          ? schema.marks.insertion.create({ id: THEIRS })
          : m === 'del-theirs'
            ? schema.marks.deletion.create({ id: THEIRS })
            : schema.marks.strong.create(),
    ),
  );
const p = (...content: PMNode[]) => schema.nodes.paragraph.create(null, content);
const doc = (...content: PMNode[]) => schema.nodes.doc.create(null, content);

/** My delegation's proposal is MINE when the text holds it, else a new id. */
const context: ProposeContext = {
  isMine: (id) => id === MINE,
  proposalId: (node) => {
    let found: string | null = null;
    node.descendants((child) => {
      for (const mark of child.marks) if (mark.attrs.id === MINE) found = MINE;
    });
    return found ?? NEW;
  },
};

function stateOf(node: PMNode, from = 1, to = from): EditorState {
  const state = EditorState.create({ schema, doc: node });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

function rewritten(outcome: ProposeOutcome): Transaction {
  if (outcome.kind !== 'rewritten') throw new Error(`expected a rewritten transaction, got ${JSON.stringify(outcome)}`);
  return outcome.tr;
}

/** The text inline, with [+id:…] and [-id:…] for the marks. */
function show(node: PMNode): string {
  const out: string[] = [];
  node.forEach((block) => {
    let line = '';
    block.forEach((child) => {
      const ins = schema.marks.insertion.isInSet(child.marks)?.attrs.id as string | undefined;
      const del = schema.marks.deletion.isInSet(child.marks)?.attrs.id as string | undefined;
      let part = child.text ?? '';
      if (ins) part = `[+${ins.slice(-2)}:${part}]`;
      if (del) part = `[-${del.slice(-2)}:${part}]`;
      line += part;
    });
    out.push(line);
  });
  return out.join(' | ');
}

describe('propose mode', () => {
  it('turns typed text into an insertion of a new proposal', () => {
    const state = stateOf(doc(p(text('The Parties agree'))), 5);
    const tr = rewritten(proposeTransaction(state, state.tr.insertText('two '), context));
    expect(show(tr.doc)).toBe('The [+cc:two ]Parties agree');
    expect(agreedNode(tr.doc).textContent).toBe('The Parties agree');
    expect(tr.selection.from).toBe(9);
  });

  it('extends my delegation’s open proposal in the clause instead of starting another', () => {
    const state = stateOf(doc(p(text('The '), text('two ', 'ins-mine'), text('Parties'))), 9);
    const tr = rewritten(proposeTransaction(state, state.tr.insertText('x'), context));
    expect(show(tr.doc)).toBe('The [+aa:two x]Parties');
  });

  it('marks deleted agreed text as a deletion and keeps it in the agreed text', () => {
    const state = stateOf(doc(p(text('The Parties agree'))), 5, 13);
    const tr = rewritten(proposeTransaction(state, state.tr.deleteSelection(), context));
    expect(show(tr.doc)).toBe('The [-cc:Parties ]agree');
    expect(agreedNode(tr.doc).textContent).toBe('The Parties agree');
    expect(proposedNode(tr.doc).textContent).toBe('The agree');
  });

  it('really deletes inside my own delegation’s insertion', () => {
    const state = stateOf(doc(p(text('The '), text('two ', 'ins-mine'), text('Parties'))), 5, 9);
    const tr = rewritten(proposeTransaction(state, state.tr.deleteSelection(), context));
    expect(show(tr.doc)).toBe('The Parties');
  });

  it('deletes inside another delegation’s insertion as a counter-proposal that keeps their insertion', () => {
    const state = stateOf(doc(p(text('The '), text('two ', 'ins-theirs'), text('Parties'))), 5, 8);
    const tr = rewritten(proposeTransaction(state, state.tr.deleteSelection(), context));
    expect(show(tr.doc)).toBe('The [-cc:[+bb:two]][+bb: ]Parties');
    const counter = tr.doc.nodeAt(5)!;
    expect(counter.marks.map((mark) => `${mark.type.name}:${mark.attrs.id as string}`).sort()).toEqual([`deletion:${NEW}`, `insertion:${THEIRS}`]);
  });

  it('replaces a selection with the struck-through old words followed by the new ones', () => {
    const state = stateOf(doc(p(text('shall meet'))), 1, 6);
    const tr = rewritten(proposeTransaction(state, state.tr.insertText('will'), context));
    expect(show(tr.doc)).toBe('[-cc:shall][+cc:will] meet');
    expect(tr.selection.from).toBe(10);
  });

  it('leaves the caret before the struck character on Backspace, after it on Delete', () => {
    const backspace = stateOf(doc(p(text('abc'))), 3);
    const back = rewritten(proposeTransaction(backspace, backspace.tr.delete(2, 3), context));
    expect(show(back.doc)).toBe('a[-cc:b]c');
    expect(back.selection.from).toBe(2);
    const forward = stateOf(doc(p(text('abc'))), 2);
    const ahead = rewritten(proposeTransaction(forward, forward.tr.delete(2, 3), context));
    expect(ahead.selection.from).toBe(3);
  });

  it('deletes one of several repeated characters, not another', () => {
    const state = stateOf(doc(p(text('aaaa'))), 3);
    const tr = rewritten(proposeTransaction(state, state.tr.delete(2, 3), context));
    expect(show(tr.doc)).toBe('a[-cc:a]aa');
  });

  it('marks a deletion across paragraph boundaries without joining the paragraphs', () => {
    const state = stateOf(doc(p(text('first one')), p(text('second one'))), 7, 18);
    const tr = rewritten(proposeTransaction(state, state.tr.deleteSelection(), context));
    expect(show(tr.doc)).toBe('first [-cc:one] | [-cc:second] one');
  });

  it('does not take typing right after another delegation’s insertion into it', () => {
    const state = stateOf(doc(p(text('The '), text('two', 'ins-theirs'), text(' Parties'))), 8);
    const tr = rewritten(proposeTransaction(state, state.tr.insertText('!'), context));
    expect(show(tr.doc)).toBe('The [+bb:two][+cc:!] Parties');
  });

  it('refuses new words inside another delegation’s insertion, which would split it', () => {
    const state = stateOf(doc(p(text('The '), text('two', 'ins-theirs'), text(' Parties'))), 6);
    expect(proposeTransaction(state, state.tr.insertText('x'), context)).toEqual({ kind: 'refused', reason: 'insideOther' });
  });

  it('keeps a direct edit next to or inside a proposal out of it', () => {
    const state = stateOf(doc(p(text('The '), text('two', 'ins-theirs'), text(' Parties'))), 6);
    const tr = withoutInheritedProposals(state.tr.insertText('x'));
    expect(show(tr.doc)).toBe('The [+bb:t]x[+bb:wo] Parties');
  });

  it('joins pasted paragraphs into one insertion, with spaces', () => {
    const state = stateOf(doc(p(text('Hello'))), 6);
    const pasted = new Slice(Fragment.from([p(text('one')), p(text('two'))]), 1, 1);
    const tr = rewritten(proposeTransaction(state, state.tr.replaceSelection(pasted), context));
    expect(show(tr.doc)).toBe('Hello[+cc:one two]');
    expect(tr.doc.childCount).toBe(1);
  });

  it('refuses Enter and joining paragraphs', () => {
    const state = stateOf(doc(p(text('ab')), p(text('cd'))), 2);
    expect(proposeTransaction(state, state.tr.split(2), context)).toEqual({ kind: 'refused', reason: 'structure' });
    const join = stateOf(doc(p(text('ab')), p(text('cd'))), 5);
    expect(proposeTransaction(join, join.tr.join(4), context)).toEqual({ kind: 'refused', reason: 'structure' });
  });

  it('proposes formatting agreed text as its replacement by a formatted copy, and formats my own insertion directly', () => {
    const state = stateOf(doc(p(text('one two'))), 1);
    const outcome = proposeTransaction(state, state.tr.addMark(5, 8, schema.marks.strong.create()), context);
    if (outcome.kind !== 'rewritten') throw new Error(`expected a rewrite, got ${outcome.kind}`);
    const result = outcome.tr.doc;
    expect(agreedNode(result).eq(state.doc)).toBe(true);
    expect(proposedNode(result).eq(doc(p(text('one '), text('two', 'strong'))))).toBe(true);

    const own = stateOf(doc(p(text('one '), text('two', 'ins-mine'))), 1);
    const direct = proposeTransaction(own, own.tr.addMark(5, 8, schema.marks.strong.create()), context);
    if (direct.kind !== 'rewritten') throw new Error(`expected a rewrite, got ${direct.kind}`);
    expect(direct.tr.doc.eq(doc(p(text('one '), text('two', 'ins-mine', 'strong'))))).toBe(true);

    const theirs = stateOf(doc(p(text('one '), text('two', 'ins-theirs'))), 1);
    expect(proposeTransaction(theirs, theirs.tr.addMark(5, 8, schema.marks.strong.create()), context)).toEqual({ kind: 'refused', reason: 'formatting' });
  });

  it('never rewrites a change the y-sync binding writes (a remote update, undo or redo)', () => {
    const state = stateOf(doc(p(text('abc'))), 2);
    const remote = state.tr.insertText('x').setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(proposeTransaction(state, remote, context)).toEqual({ kind: 'pass' });
    expect(proposeTransaction(state, state.tr.setSelection(TextSelection.create(state.doc, 3)), context)).toEqual({ kind: 'pass' });
  });
});
