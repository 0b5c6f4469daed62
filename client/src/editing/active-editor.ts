/**
 * The clause editor the formatting toolbar acts on: the one the person last put the caret in. It stays
 * the target while focus visits the toolbar (or a panel) and is let go when its editor is destroyed.
 * Each editor registers through `plugin()`; the snapshot changes only when what the toolbar shows does.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { proposeModeOn } from '../editor/propose-mode';
import { MARK_NAMES, listAt, markActive, type ListName, type MarkName } from './format-commands';
import { schema } from '../../../shared/src/schema';

export interface ActiveEditorState {
  view: EditorView | null;
  /** The person may change this text (its editor is editable). */
  editable: boolean;
  /** Its edits are proposals now (lists cannot be proposed). */
  proposing: boolean;
  marks: Readonly<Record<MarkName, boolean>>;
  list: ListName | null;
}

const NO_MARKS: Record<MarkName, boolean> = { strong: false, em: false, underline: false };
const NONE: ActiveEditorState = { view: null, editable: false, proposing: false, marks: NO_MARKS, list: null };

const activeEditorKey = new PluginKey('concordia-active-editor');

export class ActiveEditor {
  private state: ActiveEditorState = NONE;
  private readonly listeners = new Set<() => void>();

  readonly getSnapshot = (): ActiveEditorState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Reads the editor again (its selection, its permission, the propose mode may have changed). */
  readonly refresh = (): void => {
    const view = this.state.view;
    this.set(view && !view.isDestroyed ? describe(view) : NONE);
  };

  /** The plugin each clause editor carries so that it becomes the target when focused. */
  plugin(): Plugin {
    return new Plugin({
      key: activeEditorKey,
      view: (view) => {
        const onFocus = () => this.set(describe(view));
        view.dom.addEventListener('focus', onFocus);
        return {
          update: () => {
            if (this.state.view === view) this.set(describe(view));
          },
          destroy: () => {
            view.dom.removeEventListener('focus', onFocus);
            if (this.state.view === view) this.set(NONE);
          },
        };
      },
    });
  }

  private set(next: ActiveEditorState): void {
    if (same(next, this.state)) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

function describe(view: EditorView): ActiveEditorState {
  const state = view.state;
  const marks = Object.fromEntries(MARK_NAMES.map((name) => [name, markActive(state, schema.marks[name])])) as Record<MarkName, boolean>;
  return { view, editable: view.editable, proposing: proposeModeOn(state), marks, list: listAt(state) };
}

function same(a: ActiveEditorState, b: ActiveEditorState): boolean {
  return (
    a.view === b.view &&
    a.editable === b.editable &&
    a.proposing === b.proposing &&
    a.list === b.list &&
    MARK_NAMES.every((name) => a.marks[name] === b.marks[name])
  );
}
