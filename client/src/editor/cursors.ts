/**
 * How other people's cursors and selections look: a caret and a name tag in their delegation's color,
 * the tag naming the delegation too ("Lucía Méndez (GT)"), so a display name cannot pass for another's.
 * Names come from other browsers, so they are set as text, never as HTML.
 *
 * The tag would cover the line above, so it shows only while the mouse is on the caret (CSS) or for
 * NAME_TAG_MS after its person moved: `caretNameTags` marks the carets of the people whose awareness
 * changed in this text "recent", and a caret drawn anew during that time starts recent too.
 */
import { Plugin } from 'prosemirror-state';
import type { DecorationAttrs } from 'prosemirror-view';
import type { Awareness } from 'y-protocols/awareness';
import { readUser, presenceName, NEUTRAL_COLOR } from '../collab/presence';
import { i18n } from '../app/i18n';

export const NAME_TAG_MS = 2_000;
const RECENT = 'remote-caret-recent';

/** Until when each remote client's name tag shows (its last move plus NAME_TAG_MS). */
const recentUntil = new Map<number, number>();

function showFor(caret: HTMLElement, until: number): void {
  const left = until - Date.now();
  if (left <= 0) return;
  caret.classList.add(RECENT);
  const previous = Number(caret.dataset.hideTimer);
  if (previous) clearTimeout(previous);
  caret.dataset.hideTimer = String(
    setTimeout(() => {
      if ((recentUntil.get(Number(caret.dataset.clientId)) ?? 0) <= Date.now()) caret.classList.remove(RECENT);
      else showFor(caret, recentUntil.get(Number(caret.dataset.clientId)) ?? 0);
    }, left),
  );
}

export function cursorBuilder(rawUser: unknown, clientId?: number): HTMLElement {
  const user = readUser(rawUser);
  const color = user?.color ?? NEUTRAL_COLOR;
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  if (clientId !== undefined) {
    caret.dataset.clientId = String(clientId);
    showFor(caret, recentUntil.get(clientId) ?? 0);
  }
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

interface AwarenessChange {
  added: number[];
  updated: number[];
}

/** Shows the name tags of the people who just moved in this text (the awareness is the text's own, from CursorRouter). */
export function caretNameTags(awareness: Awareness): Plugin {
  return new Plugin({
    view: (view) => {
      let frame = 0;
      const onChange = ({ added, updated }: AwarenessChange) => {
        const until = Date.now() + NAME_TAG_MS;
        const moved = [...added, ...updated].filter((clientId) => clientId !== awareness.clientID);
        for (const clientId of moved) recentUntil.set(clientId, until);
        const flash = () => {
          for (const clientId of moved) {
            for (const caret of Array.from(view.dom.querySelectorAll<HTMLElement>(`.remote-caret[data-client-id="${clientId}"]`))) showFor(caret, until);
          }
        };
        // The cursor plugin may redraw the caret after this listener: look again once it has.
        flash();
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(flash);
      };
      awareness.on('change', onChange);
      return {
        destroy: () => {
          cancelAnimationFrame(frame);
          awareness.off('change', onChange);
        },
      };
    },
  });
}
