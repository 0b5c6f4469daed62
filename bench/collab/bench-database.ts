/**
 * The benchmark's own schema on the machine's PostgreSQL: created and migrated before the server
 * starts, dropped at the end. The spawned server selects it through the connection string.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { migrate } from '../../server/src/db/migrate';
import { urlWithSearchPath } from '../../tests/utils/spawned-server-database';

export interface BenchDatabase {
  schema: string;
  pool: pg.Pool;
  /** DATABASE_URL for the server process. */
  serverUrl: string;
  createDocument(initialState?: Uint8Array): Promise<string>;
  /** The cost of one durable commit here and now: `samples` single-row INSERTs, one after another. */
  commitLatency(samples?: number): Promise<{ p50: number; p99: number; max: number }>;
  drop(): Promise<void>;
}

export async function openBenchDatabase(url: string): Promise<BenchDatabase> {
  const schema = `bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: urlWithSearchPath(url, schema), max: 4 });
  await migrate(pool, pino({ level: 'silent' }));
  return {
    schema,
    pool,
    serverUrl: urlWithSearchPath(url, schema),
    async createDocument(initialState) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO documents (title, languages) VALUES ($1, ARRAY['en','es']) RETURNING id`,
        [JSON.stringify({ en: 'Benchmark agreement', es: 'Acuerdo de prueba de rendimiento' })]);
      if (initialState) {
        await pool.query(`INSERT INTO document_updates (document_id, update, origin) VALUES ($1, $2, 'seed')`, [rows[0].id, Buffer.from(initialState)]);
      }
      return rows[0].id;
    },
    async commitLatency(samples = 300) {
      await pool.query('CREATE TABLE IF NOT EXISTS commit_probe (id bigint GENERATED ALWAYS AS IDENTITY, payload bytea)');
      const times: number[] = [];
      const payload = Buffer.alloc(64);
      for (let i = 0; i < samples; i += 1) {
        const started = performance.now();
        await pool.query('INSERT INTO commit_probe (payload) VALUES ($1)', [payload]);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      return { p50: times[Math.floor(samples * 0.5)], p99: times[Math.min(samples - 1, Math.ceil(samples * 0.99) - 1)], max: times[samples - 1] };
    },
    async drop() {
      await pool.end();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
