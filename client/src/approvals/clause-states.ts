/**
 * The current text state (language hashes, fingerprint) of every visible clause of a Y.Doc, kept up to
 * date as it changes: a clause is re-hashed only when something inside it changed, so typing costs one
 * clause's hashes per keystroke, computed synchronously — a status turns "outdated" in the same
 * transaction that changed the text.
 */
import * as Y from 'yjs';
import { clauseTextState, type ClauseTextState } from '../../../shared/src/approval-status';
import { clauseOrder, clausesMap, orderArray } from '../../../shared/src/yjs-layout';

export class ClauseStates {
  private readonly cache = new Map<string, ClauseTextState>();
  private current: ClauseTextState[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly ydoc: Y.Doc,
    readonly languages: readonly string[],
  ) {
    this.recompute();
    orderArray(ydoc).observe(this.onOrder);
    clausesMap(ydoc).observeDeep(this.onClauses);
  }

  /** The visible clauses in order; a new array whenever anything changed. */
  get states(): ClauseTextState[] {
    return this.current;
  }

  stateOf(clauseId: string): ClauseTextState | undefined {
    return this.current.find((state) => state.clauseId === clauseId);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    orderArray(this.ydoc).unobserve(this.onOrder);
    clausesMap(this.ydoc).unobserveDeep(this.onClauses);
    this.listeners.clear();
  }

  private readonly onOrder = () => this.recompute();

  private readonly onClauses = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const clauses = clausesMap(this.ydoc);
    for (const event of events) {
      if (event.target === clauses) {
        for (const key of event.changes.keys.keys()) this.cache.delete(key);
        continue;
      }
      // A change inside a clause: its id is the first step of the path from the map of clauses.
      const id = event.path[0];
      if (typeof id === 'string') this.cache.delete(id);
      else this.cache.clear();
    }
    this.recompute();
  };

  private recompute(): void {
    const next: ClauseTextState[] = [];
    for (const id of clauseOrder(this.ydoc)) {
      let state = this.cache.get(id);
      if (!state) {
        try {
          state = clauseTextState(this.ydoc, id, this.languages);
        } catch {
          continue; // a clause of a kind this client does not know
        }
        this.cache.set(id, state);
      }
      next.push(state);
    }
    const same = next.length === this.current.length && next.every((state, i) => state === this.current[i]);
    if (same) return;
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}
