import type pg from 'pg';

/** A pool or a client inside a transaction: whatever can run a query. */
export type Queryable = pg.Pool | pg.PoolClient;
