/** Loads something for a component: the value, the error, and a way to load it again. */
import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { status: 'loading'; value: null; error: null } | { status: 'ready'; value: T; error: null } | { status: 'error'; value: null; error: Error };

/** `key` names what is loaded: a new key loads again (the previous answer, if late, is ignored). */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> & { reload(): void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading', value: null, error: null });
  const [round, setRound] = useState(0);
  const [loader] = useState(() => ({ current: load }));
  loader.current = load;
  useEffect(() => {
    const controller = new AbortController();
    loader.current(controller.signal).then(
      (value) => { if (!controller.signal.aborted) setState({ status: 'ready', value, error: null }); },
      (error: Error) => { if (!controller.signal.aborted && error.name !== 'AbortError') setState({ status: 'error', value: null, error }); },
    );
    return () => controller.abort();
  }, [key, round, loader]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
