/**
 * Mod-Alt-m in a clause editor, or the floating button beside selected words: comment on the selection. The callback gets the clause, the language
 * and the ProseMirror range, and with them the anchor (Yjs relative positions of this editor's
 * fragment) and the quoted text, ready for POST /api/documents/:id/comments. An empty selection
 * comments on the clause as a whole (anchor null).
 *
 * It listens to keydown itself rather than through prosemirror-keymap: ProseMirror does not run
 * keymaps in a read-only editor, and legal reviewers, who cannot type, do comment.
 */
import { Plugin, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { anchorFromRange, type ProsemirrorMapping } from '../../../shared/src/comment-anchors';
import type { AnchorInput } from '../../../shared/src/api/comments';
import { SelectionCommentButton } from './selection-comment-button';

export const COMMENT_SHORTCUT = 'Mod-Alt-m';

export interface SelectionComment {
  anchor: AnchorInput | null;
  quote: string;
}

export type OnCommentSelection = (clauseId: string, language: string, from: number, to: number, selection: SelectionComment) => void;

/** The anchor and quote of a range of an editor bound to `fragment` with ySyncPlugin; anchor null when empty or not yet bound. */
export function selectionComment(state: EditorState, fragment: Y.XmlFragment, from: number, to: number): SelectionComment {
  if (from >= to) return { anchor: null, quote: '' };
  const binding = (ySyncPluginKey.getState(state) as { binding?: { mapping: ProsemirrorMapping } } | undefined)?.binding;
  if (!binding || binding.mapping.size === 0) return { anchor: null, quote: '' };
  return { anchor: anchorFromRange(fragment, binding.mapping, from, to), quote: state.doc.textBetween(from, to, '\n', '\n') };
}

export function commentOnSelectionCommand(clauseId: string, language: string, fragment: Y.XmlFragment, onCommentSelection: OnCommentSelection): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const { from, to } = state.selection;
      onCommentSelection(clauseId, language, from, to, selectionComment(state, fragment, from, to));
    }
    return true;
  };
}

export function commentKeymap(clauseId: string, language: string, fragment: Y.XmlFragment, onCommentSelection: OnCommentSelection): Plugin {
  const comment = (view: EditorView, from: number, to: number) =>
    onCommentSelection(clauseId, language, from, to, selectionComment(view.state, fragment, from, to));
  return new Plugin({
    // With the mouse: a "Comment" button beside the selected words.
    view: (view) => new SelectionCommentButton(view, { range: currentRange, comment, shortcutLabel: commentShortcutLabel }),
    props: {
      handleDOMEvents: {
        keydown: (view, event) => {
          if (!isCommentShortcut(event)) return false;
          event.preventDefault();
          const { from, to } = currentRange(view);
          comment(view, from, to);
          return true;
        },
      },
    },
  });
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

/** How the shortcut is written for this person's keyboard. */
export function commentShortcutLabel(): string {
  return IS_MAC ? '⌘⌥M' : 'Ctrl+Alt+M';
}

/** Ctrl+Alt+M (⌘⌥M on a Mac), whatever character Alt makes of the M on this keyboard layout. */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  const mod = IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return mod && event.altKey && !event.shiftKey && (event.code === 'KeyM' || event.key.toLowerCase() === 'm');
}

/** The selection: the state's in an editable view; the DOM's in a read-only one, where it is what the person sees. */
function currentRange(view: EditorView): { from: number; to: number } {
  const { from, to } = view.state.selection;
  if (view.editable) return { from, to };
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom || dom.rangeCount === 0 || !dom.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode))
    return { from, to };
  try {
    const a = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    const b = view.posAtDOM(dom.focusNode, dom.focusOffset);
    return { from: Math.min(a, b), to: Math.max(a, b) };
  } catch {
    return { from, to };
  }
}
