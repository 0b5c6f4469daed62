/**
 * The keys of a clause editor. Undo and redo are y-prosemirror's: they undo only this person's own
 * changes to this text, never a colleague's. Tab is left alone so the keyboard can leave the editor.
 * As in Word and Google Docs, "1. " (or "1) ") at the start of a paragraph starts a numbered list and
 * "- " or "* " a bulleted one (prosemirror-inputrules); Backspace right after undoes it.
 */
import { keymap } from 'prosemirror-keymap';
import { InputRule, inputRules, undoInputRule } from 'prosemirror-inputrules';
import { findWrapping } from 'prosemirror-transform';
import type { NodeType } from 'prosemirror-model';
import { proposeModeOn } from './propose-mode';
import { baseKeymap, chainCommands, exitCode, toggleMark } from 'prosemirror-commands';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, Plugin } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { schema } from '../../../shared/src/schema';

const insertHardBreak: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
  return true;
};

/**
 * Typing `pattern` at the start of a paragraph wraps it in a list of `type`. Not in propose mode: a
 * proposal cannot carry a change of structure (propose-transform.ts), and the typed text stays text.
 */
function listRule(pattern: RegExp, type: NodeType, attrs: (match: RegExpMatchArray) => Record<string, unknown> | null): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    if (proposeModeOn(state)) return null;
    const tr = state.tr.delete(start, end);
    const range = tr.doc.resolve(start).blockRange();
    const wrapping = range && findWrapping(range, type, attrs(match));
    if (!range || !wrapping) return null;
    return tr.wrap(range, wrapping);
  });
}

export function clauseKeymaps(): Plugin[] {
  const { nodes, marks } = schema;
  return [
    inputRules({
      rules: [
        listRule(/^(\d+)[.)]\s$/, nodes.ordered_list, (match) => ({ order: Number(match[1]) })),
        listRule(/^\s*([-*])\s$/, nodes.bullet_list, () => null),
      ],
    }),
    keymap({ Backspace: undoInputRule }),
    keymap({
      'Mod-z': undoCommand,
      'Mod-y': redoCommand,
      'Mod-Shift-z': redoCommand,
      'Mod-b': toggleMark(marks.strong),
      'Mod-B': toggleMark(marks.strong),
      'Mod-i': toggleMark(marks.em),
      'Mod-I': toggleMark(marks.em),
      'Mod-u': toggleMark(marks.underline),
      'Mod-U': toggleMark(marks.underline),
      Enter: splitListItem(nodes.list_item),
      'Shift-Enter': chainCommands(exitCode, insertHardBreak),
      'Mod-Enter': chainCommands(exitCode, insertHardBreak),
      'Mod-[': liftListItem(nodes.list_item),
      'Mod-]': sinkListItem(nodes.list_item),
      'Mod-Shift-7': wrapInList(nodes.ordered_list),
      'Mod-Shift-8': wrapInList(nodes.bullet_list),
    }),
    keymap(baseKeymap),
  ];
}
