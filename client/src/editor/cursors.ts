/**
 * How other people's cursors and selections look: a caret and a name tag in their delegation's color,
 * the tag naming the delegation too ("Lucía Méndez (GT)"), so a display name cannot pass for another's.
 * Names come from other browsers, so they are set as text, never as HTML.
 */
import type { DecorationAttrs } from 'prosemirror-view';
import { readUser, presenceName, NEUTRAL_COLOR } from '../collab/presence';
import { i18n } from '../app/i18n';

export function cursorBuilder(rawUser: unknown): HTMLElement {
  const user = readUser(rawUser);
  const color = user?.color ?? NEUTRAL_COLOR;
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.backgroundColor = color;
  label.textContent = user ? presenceName(user, i18n.t.bind(i18n)) : '';
  caret.append('\u2060', label, '\u2060');
  return caret;
}

export function selectionBuilder(rawUser: unknown): DecorationAttrs {
  const user = readUser(rawUser);
  // 25% of the delegation's color keeps the text on it readable (contrast stays above 4.5:1).
  return { style: `background-color: ${user?.color ?? NEUTRAL_COLOR}40`, class: 'remote-selection' };
}
