/**
 * What the formatting toolbar does to a clause editor and what it shows as pressed: the marks of the
 * schema (bold, italic, underline) and its two lists. A list button toggles like Word's: pressed in a
 * list of its kind it lifts the paragraphs out, in the other kind it changes the list's kind.
 */
import type { MarkType, NodeType } from 'prosemirror-model';
import { toggleMark } from 'prosemirror-commands';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';
import { schema } from '../../../shared/src/schema';

export type MarkName = 'strong' | 'em' | 'underline';
export type ListName = 'bullet_list' | 'ordered_list';

export const MARK_NAMES: readonly MarkName[] = ['strong', 'em', 'underline'];
export const LIST_NAMES: readonly ListName[] = ['bullet_list', 'ordered_list'];

/** Whether the mark applies at the caret (the marks the next typed letter takes) or over all the selection. */
export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  let all = true;
  let anyText = false;
  state.doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true;
    anyText = true;
    if (!type.isInSet(node.marks)) all = false;
    return false;
  });
  return anyText && all;
}

/** The kind of the innermost list the selection starts in, if any. */
export function listAt(state: EditorState): ListName | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const name = $from.node(depth).type.name;
    if (name === 'bullet_list' || name === 'ordered_list') return name;
  }
  return null;
}

export function toggleMarkCommand(name: MarkName): Command {
  return toggleMark(schema.marks[name]);
}

function changeListKind(type: NodeType): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    for (let depth = $from.depth; depth > 0; depth--) {
      const node = $from.node(depth);
      if (node.type === schema.nodes.bullet_list || node.type === schema.nodes.ordered_list) {
        dispatch?.(state.tr.setNodeMarkup($from.before(depth), type, type === schema.nodes.ordered_list ? { order: 1 } : null).scrollIntoView());
        return true;
      }
    }
    return false;
  };
}

export function toggleListCommand(name: ListName): Command {
  const type = schema.nodes[name];
  return (state, dispatch, view) => {
    const current = listAt(state);
    if (current === name) return liftListItem(schema.nodes.list_item)(state, dispatch, view);
    if (current) return changeListKind(type)(state, dispatch, view);
    return wrapInList(type)(state, dispatch, view);
  };
}
