/**
 * y-prosemirror's cursor plugin redraws its decorations on every awareness change, and every change
 * includes each keystroke's caret move. With one editor per clause text, that is every mounted editor
 * redrawing on every key anyone presses. The router gives each editor a view of the awareness whose
 * 'change' fires only when someone's caret enters, moves in or leaves that clause text (their `focus`
 * field says where they are). Changes of this browser's own state reach no editor: it draws no caret
 * for itself. It also keeps an editor from clearing a caret that belongs to another text.
 */
import type { Awareness } from 'y-protocols/awareness';

type ChangeListener = (...args: unknown[]) => void;
interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

function focusKey(focus: unknown): string | null {
  if (typeof focus !== 'object' || focus === null) return null;
  const { clauseId, language } = focus as Record<string, unknown>;
  return typeof clauseId === 'string' && typeof language === 'string' ? `${clauseId}\u0000${language}` : null;
}

export class CursorRouter {
  private readonly listeners = new Map<string, Set<ChangeListener>>();
  /** Where each remote client was at its last change, to tell the text it left. */
  private readonly lastFocus = new Map<number, string | null>();

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.route);
  }

  /** The awareness as one clause text's editor should see it (what yCursorPlugin uses of it). */
  forText(clauseId: string, language: string): Awareness {
    const key = `${clauseId}\u0000${language}`;
    const awareness = this.awareness;
    const view = {
      get clientID() {
        return awareness.clientID;
      },
      getStates: () => awareness.getStates(),
      getLocalState: () => awareness.getLocalState(),
      setLocalStateField: (field: string, value: unknown) => {
        // yCursorPlugin clears the caret whenever an editor is destroyed (a row scrolled far away
        // unmounts): only the text the person is in may clear it.
        if (value === null && field === 'cursor') {
          const focus = focusKey(awareness.getLocalState()?.focus);
          if (focus !== null && focus !== key) return;
        }
        awareness.setLocalStateField(field, value);
      },
      on: (event: string, listener: ChangeListener) => {
        if (event === 'change') this.listen(key, listener);
      },
      off: (event: string, listener: ChangeListener) => {
        if (event === 'change') this.unlisten(key, listener);
      },
    };
    return view as unknown as Awareness;
  }

  destroy(): void {
    this.awareness.off('change', this.route);
    this.listeners.clear();
    this.lastFocus.clear();
  }

  private listen(key: string, listener: ChangeListener): void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
  }

  private unlisten(key: string, listener: ChangeListener): void {
    const set = this.listeners.get(key);
    set?.delete(listener);
    if (set?.size === 0) this.listeners.delete(key);
  }

  private route = (change: AwarenessChange, origin: unknown) => {
    const self = this.awareness.clientID;
    const states = this.awareness.getStates();
    const targets = new Set<string>();
    let everyone = false;
    for (const clientId of [...change.added, ...change.updated, ...change.removed]) {
      if (clientId === self) continue;
      const state = states.get(clientId);
      const now = state ? focusKey(state.focus) : null;
      const before = this.lastFocus.get(clientId) ?? null;
      if (state) this.lastFocus.set(clientId, now);
      else this.lastFocus.delete(clientId);
      if (before) targets.add(before);
      if (now) targets.add(now);
      // Someone with a caret but no `focus` (another kind of client): every editor must look.
      if (!now && !before && state?.cursor) everyone = true;
    }
    const notify = (set: Set<ChangeListener> | undefined) => {
      for (const listener of set ?? []) listener(change, origin);
    };
    if (everyone) for (const set of this.listeners.values()) notify(set);
    else for (const key of targets) notify(this.listeners.get(key));
  };
}
