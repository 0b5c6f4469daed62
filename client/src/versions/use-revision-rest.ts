/**
 * Runs `onRest` once `revision` has changed and then stayed the same for `delayMs`: for views that read
 * the server again when what they show may have changed (typing changes a revision on every key). The
 * first value is the mount's and triggers nothing. The signal aborts when the revision moves on again.
 */
import { useEffect, useRef, useState } from 'react';

export function useRevisionRest(revision: unknown, delayMs: number, onRest: (signal: AbortSignal) => void): void {
  // The revision last acted on; the first is the mount's.
  const [read] = useState(() => ({ revision }));
  const latest = useRef(onRest);
  latest.current = onRest;
  useEffect(() => {
    if (Object.is(read.revision, revision)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      read.revision = revision;
      latest.current(controller.signal);
    }, delayMs);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [read, revision, delayMs]);
}
