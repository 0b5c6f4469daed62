/**
 * Which clause the comments panel is about (the last one focused), held outside React state so that
 * each clause's gutter reads only whether it is the one: moving the focus re-renders two gutters (the
 * clause left and the clause entered), not every gutter of the document.
 */
import { useSyncExternalStore } from 'react';

export class SelectedClause {
  private clauseId: string | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly get = (): string | null => this.clauseId;

  readonly set = (clauseId: string | null): void => {
    if (clauseId === this.clauseId) return;
    this.clauseId = clauseId;
    for (const listener of [...this.listeners]) listener();
  };
}

/** The selected clause, for the panel that follows it. */
export function useSelectedClause(selection: SelectedClause): string | null {
  return useSyncExternalStore(selection.subscribe, selection.get);
}

/** Whether this clause is the selected one, for its gutter. */
export function useIsSelectedClause(selection: SelectedClause, clauseId: string): boolean {
  return useSyncExternalStore(selection.subscribe, () => selection.get() === clauseId);
}
