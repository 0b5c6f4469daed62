import type pg from 'pg';

/**
 * Fault injection on a live pool: `intercept` sees every `pool.query(text, values)` and may delay
 * or fail it (return a promise that rejects) or let it through (return undefined). Returns restore().
 * The database stays real; only chosen statements are disturbed.
 */
export function interceptQueries(pool: pg.Pool, intercept: (text: string, values: unknown[] | undefined) => Promise<void> | undefined): () => void {
  const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  const patched = (...args: unknown[]) => {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '');
    const values = Array.isArray(args[1]) ? args[1] : undefined;
    const hold = intercept(text, values);
    return hold ? hold.then(() => original(...args)) : original(...args);
  };
  (pool as unknown as { query: unknown }).query = patched;
  return () => {
    (pool as unknown as { query: unknown }).query = original;
  };
}
