/**
 * One ProseMirror editor bound to one clause text in one language (a Y.XmlFragment), with
 * collaborative cursors on the shared awareness and an undo history of the person's own edits.
 */
import type * as Y from 'yjs';
import { EditorState, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ySyncPlugin, yCursorPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import { schema } from '../../../shared/src/schema';
import { clauseKeymaps } from './keymap';
import { caretNameTags, cursorBuilder, selectionBuilder } from './cursors';
import { fragmentToDoc } from './static-text';
import { proposeFilter } from './propose-mode';
import { holdForReopen } from './reopen-guard';
import { cleanPastedHTML } from './word-paste';

/** The drag data of a whole clause being moved (drag handle of a row); never text to insert. */
export const CLAUSE_DRAG_TYPE = 'application/x-concordia-clause';

export interface ClauseEditorOptions {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  editable: boolean;
  /** The accessible name, e.g. "Article 3, Spanish text". */
  label: string;
  /** The language of the text (the element's lang attribute, for spelling and screen readers). */
  lang: string;
  onFocus?: () => void;
  onBlur?: () => void;
  /** Features' own plugins (comment highlights and shortcut), after the Yjs binding. */
  plugins?: readonly Plugin[];
}

export function editorAttributes(label: string, lang: string, editable: boolean): Record<string, string> {
  return {
    class: 'clause-text',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': editable ? 'false' : 'true',
    lang,
    spellcheck: editable ? 'true' : 'false',
    // A read-only text is not contenteditable, and would otherwise drop out of the tab order.
    tabindex: '0',
  };
}

export function createClauseEditor(place: HTMLElement, options: ClauseEditorOptions): EditorView {
  const { fragment, awareness, label, lang, editable } = options;
  const state = EditorState.create({
    schema,
    // Start from the current text so the first paint already shows it (no empty frame).
    doc: fragmentToDoc(fragment),
    plugins: [
      ySyncPlugin(fragment),
      yCursorPlugin(awareness, { cursorBuilder, selectionBuilder }),
      caretNameTags(awareness),
      yUndoPlugin(),
      ...(options.plugins ?? []),
      ...clauseKeymaps(),
    ],
  });
  return new EditorView(place, {
    state,
    editable: () => editable,
    attributes: editorAttributes(label, lang, editable),
    // y-prosemirror batches cursor updates in a timeout that can fire after the view is destroyed
    // (it checks a `binding.isDestroyed` flag that 1.3.x never sets): drop those transactions.
    dispatchTransaction(this: EditorView, tr) {
      if (this.isDestroyed) return;
      // An approved clause asks before a direct edit reopens it; in propose mode an edit becomes
      // tracked changes (or is dropped with a hint).
      const proposed = holdForReopen(this, tr) ? null : proposeFilter(this.state, tr);
      if (!proposed) {
        // The DOM may already show what was typed: draw the text as it is again.
        this.updateState(this.state);
        return;
      }
      this.updateState(this.state.apply(proposed));
    },
    // Word's list paragraphs become lists, tables one paragraph per cell, links their text (word-paste.ts).
    transformPastedHTML: cleanPastedHTML,
    // A clause dropped on a text moves the clause (the row handles it); it must not paste into the text.
    handleDrop: (_view, event) => event.dataTransfer?.types.includes(CLAUSE_DRAG_TYPE) ?? false,
    handleDOMEvents: {
      focus: () => {
        options.onFocus?.();
        return false;
      },
      blur: () => {
        options.onBlur?.();
        return false;
      },
    },
  });
}

/** Applies a new label or permission to a mounted editor. */
export function updateClauseEditor(view: EditorView, label: string, lang: string, editable: boolean): void {
  view.setProps({ editable: () => editable, attributes: editorAttributes(label, lang, editable) });
}
