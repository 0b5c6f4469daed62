/**
 * The React side of live-store.ts: one hook that keeps a store live and reads it (status, error,
 * reload), one that only keeps it live, and per-item selectors that re-render a component only when
 * its own part changed [L4].
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useRealtimeSocket } from './realtime';
import type { LiveSource } from './live-store';

/** Keeps `source` live while the component is mounted, without reading it (for the owner of a store whose parts are read below). */
export function useLiveStart(source: LiveSource<unknown>): void {
  const socket = useRealtimeSocket();
  useEffect(() => source.start(socket), [source, socket]);
}

/** The one hook for loading: `source` kept live while mounted, its snapshot (status loading/ready/error) and a way to read it again. */
export function useLive<S extends object>(source: LiveSource<S>): S & { reload(): Promise<void> } {
  useLiveStart(source);
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot);
  return useMemo(() => ({ ...snapshot, reload: source.reload }), [snapshot, source]);
}

/**
 * One part of a source that some component keeps live. `select` must look the part up in the snapshot
 * (not build a new object), so that React sees the same object and skips the render while it did not change.
 */
export function useLiveSelect<S, R>(source: Pick<LiveSource<S>, 'subscribe' | 'getSnapshot'>, select: (snapshot: S) => R): R {
  const selected = () => select(source.getSnapshot());
  return useSyncExternalStore(source.subscribe, selected, selected); // the same on a server render (tests render with react-dom/server)
}
