/** Enough of a socket.io client for the client's live stores: listeners by event, and a way for the test to be the server. */
import type { LiveSocket } from '../../client/src/realtime/live-store';

export class FakeSocket implements LiveSocket {
  private readonly listeners = new Map<string, Set<(payload: never) => void>>();
  on(event: string, listener: (payload: never) => void): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }
  off(event: string, listener: (payload: never) => void): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, payload?: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (payload: unknown) => void)(payload);
  }
  /** How many listeners `event` has now. */
  count(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}

/** Lets pending promise callbacks and timers of zero run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
