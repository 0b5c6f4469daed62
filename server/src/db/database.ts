import pg from 'pg';
import type { Logger } from '../logger';
import type { EmbeddedPostgres } from './embedded';

export type Pool = pg.Pool;

export interface Database {
  pool: pg.Pool;
  /** True when served by the embedded PGlite (one connection, one session). */
  embedded: boolean;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** External PostgreSQL; when absent an embedded PGlite under dataDir is started. */
  url?: string;
  dataDir: string;
  poolSize: number;
  /** Schema to work in (tests isolate files by schema); created when missing. */
  schema?: string;
  log: Logger;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the one pool the process uses. The embedded path differs only in how the server is reached. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let config: pg.PoolConfig;
  if (options.url) {
    config = { connectionString: options.url, max: options.poolSize };
  } else {
    // Loaded only here: a server on PostgreSQL never needs PGlite's code.
    embedded = await (await import('./embedded')).startEmbeddedPostgres(options.dataDir, options.log);
    // PGlite is a single session: two open transactions on two connections deadlock. One connection.
    config = { connectionString: embedded.url, max: 1 };
  }
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new RangeError(`Invalid schema name: ${schema}`);
  // The schema is a startup parameter of every connection, so no query can run before it applies.
  if (schema) config.options = `-c search_path=${schema},public`;
  const pool = new pg.Pool({ ...config, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  pool.on('error', (err) => options.log.error({ err }, 'idle database connection failed'));
  if (schema) {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    // The embedded PGlite ignores startup parameters (and is one session): set it there explicitly.
    await pool.query(`SET search_path TO ${schema}, public`);
  }
  return {
    pool,
    embedded: embedded !== null,
    async close() {
      await pool.end();
      if (embedded) await embedded.stop();
    },
  };
}

/** Runs fn inside BEGIN … COMMIT on one client; rolls back on any error. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
