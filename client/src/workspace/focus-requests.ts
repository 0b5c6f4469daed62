/** A request nobody took within this time is stale (its clause was deleted, or never mounted). */
const REQUEST_TTL_MS = 3_000;

/**
 * "Put the caret in this text once its editor exists": a new clause's editor is created a frame after
 * the transaction that inserted it, so the request waits here until the cell mounts.
 */
export class FocusRequests {
  private pending: { clauseId: string; language: string; at: number } | null = null;
  private readonly listeners = new Set<() => void>();

  request(clauseId: string, language: string): void {
    this.pending = { clauseId, language, at: Date.now() };
    for (const listener of this.listeners) listener();
  }

  /** True (once) when this cell is the one to focus. */
  take(clauseId: string, language: string): boolean {
    if (!this.isPending(clauseId) || this.pending?.language !== language) return false;
    this.pending = null;
    return true;
  }

  isPending(clauseId: string): boolean {
    return this.pending?.clauseId === clauseId && Date.now() - this.pending.at < REQUEST_TTL_MS;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
