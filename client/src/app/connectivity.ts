/**
 * Whether the server can be reached now, for the actions that need its answer at once (approve, revoke,
 * confirm concordance): the browser's own online state, and the live document's connection, which is
 * the first to notice a server that stopped answering. Text and comments keep working without it.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
/** Open live connections that are not connected now (one per open document). */
const disconnected = new Set<object>();
let reachable = typeof navigator === 'undefined' ? true : navigator.onLine;

function recompute(): void {
  const next = (typeof navigator === 'undefined' || navigator.onLine) && disconnected.size === 0;
  if (next === reachable) return;
  reachable = next;
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', recompute);
  window.addEventListener('offline', recompute);
}

/** A live connection says whether it is connected (`owner` is the session; `null` when it closed for good). */
export function reportConnection(owner: object, connected: boolean | null): void {
  if (connected === false) disconnected.add(owner);
  else disconnected.delete(owner);
  recompute();
}

export function isServerReachable(): boolean {
  return reachable;
}

/** Calls `listener` whenever the answer of isServerReachable() changes. */
export function subscribeReachable(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useServerReachable(): boolean {
  return useSyncExternalStore(
    subscribeReachable,
    () => reachable,
    () => true,
  );
}
