/**
 * A floating "Comment" button beside the words a person selects with the mouse, in editable and
 * read-only clause editors alike (legal reviewers, who cannot type, comment too). It calls what the
 * keyboard shortcut calls; the button's tooltip teaches the shortcut. It follows the page's selection
 * (selectionchange), so it also appears in a read-only editor, whose selection ProseMirror does not track.
 */
import type { EditorView } from 'prosemirror-view';
import { i18n } from '../app/i18n';

export interface SelectionButtonOptions {
  /** The selected range of the view, as the shortcut reads it. */
  range(view: EditorView): { from: number; to: number };
  /** Comments on that range. */
  comment(view: EditorView, from: number, to: number): void;
  shortcutLabel(): string;
}

/** The button's life for one editor: created on the first selection, removed with the editor. */
export class SelectionCommentButton {
  private button: HTMLButtonElement | null = null;
  private readonly onSelection = () => this.place();

  constructor(
    private readonly view: EditorView,
    private readonly options: SelectionButtonOptions,
  ) {
    const document = view.dom.ownerDocument;
    document.addEventListener('selectionchange', this.onSelection);
    document.addEventListener('scroll', this.onSelection, { capture: true, passive: true });
  }

  /** Shows the button under the end of a selection inside this editor, hides it otherwise. */
  place(): void {
    const range = this.selectedRange();
    if (!range) return this.hide();
    const button = this.button ?? this.create();
    let at: { left: number; bottom: number };
    try {
      at = this.view.coordsAtPos(range.to, -1);
    } catch {
      return this.hide();
    }
    button.textContent = i18n.t('comments:selection.comment');
    button.title = i18n.t('comments:shortcut.hint', { keys: this.options.shortcutLabel() });
    button.style.left = `${Math.round(at.left)}px`;
    button.style.top = `${Math.round(at.bottom + 6)}px`;
    button.hidden = false;
  }

  destroy(): void {
    const document = this.view.dom.ownerDocument;
    document.removeEventListener('selectionchange', this.onSelection);
    document.removeEventListener('scroll', this.onSelection, { capture: true });
    this.button?.remove();
    this.button = null;
  }

  private selectedRange(): { from: number; to: number } | null {
    const selection = this.view.dom.ownerDocument.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    if (!selection.anchorNode || !selection.focusNode) return null;
    if (!this.view.dom.contains(selection.anchorNode) || !this.view.dom.contains(selection.focusNode)) return null;
    const range = this.options.range(this.view);
    return range.from < range.to ? range : null;
  }

  private create(): HTMLButtonElement {
    const button = this.view.dom.ownerDocument.createElement('button');
    button.type = 'button';
    button.className = 'selection-comment-button';
    // Pressing the button must not take the selection away before the click reads it.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      const range = this.selectedRange();
      this.hide();
      if (range) this.options.comment(this.view, range.from, range.to);
    });
    this.view.dom.ownerDocument.body.appendChild(button);
    this.button = button;
    return button;
  }

  private hide(): void {
    if (this.button) this.button.hidden = true;
  }
}
