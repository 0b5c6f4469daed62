/**
 * Every keyboard shortcut of the workspace, in one table: the help dialog lists it, the toolbar's
 * tooltips quote it, and the keymaps it describes live beside the features (editor/keymap.ts,
 * comments/comment-keymap.ts, search/, navigation). Keys are written as prosemirror-keymap does
 * ("Mod-b": Ctrl+B, ⌘B on a Mac).
 */
import { i18n } from '../app/i18n';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

export type ShortcutGroup = 'formatting' | 'editing' | 'comments' | 'proposals' | 'search' | 'navigation' | 'help';

export interface Shortcut {
  /** The i18n key under editing:shortcuts.action. */
  action: string;
  /** One or more key combinations, any of which does it. */
  keys: readonly string[];
  group: ShortcutGroup;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'bold', keys: ['Mod-b'], group: 'formatting' },
  { action: 'italic', keys: ['Mod-i'], group: 'formatting' },
  { action: 'underline', keys: ['Mod-u'], group: 'formatting' },
  { action: 'bulletList', keys: ['Mod-Shift-8'], group: 'formatting' },
  { action: 'orderedList', keys: ['Mod-Shift-7'], group: 'formatting' },
  { action: 'indent', keys: ['Mod-]'], group: 'formatting' },
  { action: 'outdent', keys: ['Mod-['], group: 'formatting' },
  { action: 'lineBreak', keys: ['Shift-Enter'], group: 'formatting' },
  { action: 'undo', keys: ['Mod-z'], group: 'editing' },
  { action: 'redo', keys: ['Mod-y', 'Mod-Shift-z'], group: 'editing' },
  { action: 'comment', keys: ['Mod-Alt-m'], group: 'comments' },
  { action: 'proposeMode', keys: ['Mod-Alt-Shift-x'], group: 'proposals' },
  { action: 'search', keys: ['Mod-f'], group: 'search' },
  { action: 'searchNext', keys: ['Enter'], group: 'search' },
  { action: 'searchPrevious', keys: ['Shift-Enter'], group: 'search' },
  { action: 'searchClose', keys: ['Escape'], group: 'search' },
  { action: 'goToArticle', keys: ['Mod-g', 'Mod-Alt-g'], group: 'navigation' },
  { action: 'leaveText', keys: ['Tab'], group: 'navigation' },
  { action: 'shortcuts', keys: ['?'], group: 'help' },
];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['formatting', 'editing', 'comments', 'proposals', 'search', 'navigation', 'help'];

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Ctrl: '⌃' };
/** Keys whose names keyboards print differently by language (Mayús, Intro on a Spanish keyboard). */
const NAMED_KEYS = new Set(['Shift', 'Enter', 'Escape', 'Tab']);

function keyName(key: string): string {
  return NAMED_KEYS.has(key) ? i18n.t(`editing:keys.${key}`) : key;
}

/** How a key combination is written for this person's keyboard: "Ctrl+Shift+7", or "⌘⇧7" on a Mac. */
export function shortcutLabel(keys: string, mac: boolean = IS_MAC): string {
  // "Mod-]" and "Mod-[" end in a key, "-" alone would too: split on the dashes between parts only.
  const parts = keys.split(/-(?!$)/);
  const key = parts.pop() ?? '';
  const shown = key.length === 1 ? key.toUpperCase() : keyName(key);
  if (mac) return parts.map((part) => MAC_SYMBOLS[part] ?? part).join('') + shown;
  return [...parts.map((part) => (part === 'Mod' ? 'Ctrl' : keyName(part))), shown].join('+');
}

/** The first combination of an action, written for this keyboard (for a tooltip). */
export function shortcutOf(action: string): string {
  const found = SHORTCUTS.find((shortcut) => shortcut.action === action);
  return found ? shortcutLabel(found.keys[0]) : '';
}

/** Whether a key event is Ctrl+<key> (⌘ on a Mac) with exactly the given other modifiers. */
export function isModKey(event: KeyboardEvent, code: string, modifiers: { alt?: boolean; shift?: boolean } = {}): boolean {
  const mod = IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return mod && event.altKey === !!modifiers.alt && event.shiftKey === !!modifiers.shift && event.code === code;
}

/** Whether the key event happens where a person types (a text field or an editable text), not on the page. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A clause text, even a read-only one (role textbox), is a text: "?" there is a character.
  if (target.isContentEditable || target.closest('[role="textbox"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}
