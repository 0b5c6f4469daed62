/**
 * Waiting in tests: for a condition (`waitFor`), for a value (`poll`), or for a while (`sleep`).
 * A wait that runs out says what it waited for and how long, never just "timeout".
 *
 *   await waitFor(() => socket.isClosed(), 'the socket to close')        10 s unless told
 *   const rows = await poll(() => stored(), (r) => r.length > 0, 'a stored row', { timeoutMs: 60_000 })
 */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface WaitOptions {
  timeoutMs?: number;
  /** How long to rest between two looks. */
  intervalMs?: number;
}

/** What was awaited, for the failure message; a function is asked only when the wait runs out. */
export type WaitingFor = string | (() => string);

const told = (what: WaitingFor) => (typeof what === 'function' ? what() : what);

/**
 * Resolves once `predicate()` holds, looking every 10 ms; resolves with how many milliseconds that
 * took. Rejects after `timeoutMs` (default 10 s), saying what it waited for.
 */
export async function waitFor(predicate: () => boolean | Promise<boolean>, what: WaitingFor, timeoutMs = 10_000, intervalMs = 10): Promise<number> {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${told(what)}`);
    await sleep(intervalMs);
  }
  return Date.now() - started;
}

/**
 * Reads a value until `done` accepts it and resolves with that value. Rejects after `timeoutMs`
 * (default 10 s), saying what it waited for and the last value it read.
 */
export async function poll<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: WaitingFor, options: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 10 } = options;
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${told(what)}; last read: ${JSON.stringify(value)}`);
    }
    await sleep(intervalMs);
  }
}
