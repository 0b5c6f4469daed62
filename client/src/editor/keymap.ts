/**
 * The keys of a clause editor. Undo and redo are y-prosemirror's: they undo only this person's own
 * changes to this text, never a colleague's. Tab is left alone so the keyboard can leave the editor.
 */
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands, exitCode, toggleMark } from 'prosemirror-commands';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, Plugin } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { schema } from '../../../shared/src/schema';

const insertHardBreak: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
  return true;
};

export function clauseKeymaps(): Plugin[] {
  const { nodes, marks } = schema;
  return [
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
