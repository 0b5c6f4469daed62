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
  /** Commits one row every `everyMs` until stopped (the cost of a commit under the load of a run). */
  probeCommits(everyMs: number): { stop(): Promise<{ p50: number; p99: number; max: number; samples: number }> };
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
      const { rows } = await pool.query<{ id: string }>(`INSERT INTO documents (title, languages) VALUES ($1, ARRAY['en','es']) RETURNING id`, [
        JSON.stringify({ en: 'Benchmark agreement', es: 'Acuerdo de prueba de rendimiento' }),
      ]);
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
    probeCommits(everyMs) {
      const times: number[] = [];
      let running = true;
      const loop = (async () => {
        await pool.query('CREATE TABLE IF NOT EXISTS commit_probe (id bigint GENERATED ALWAYS AS IDENTITY, payload bytea)');
        const payload = Buffer.alloc(64);
        while (running) {
          const started = performance.now();
          await pool.query('INSERT INTO commit_probe (payload) VALUES ($1)', [payload]);
          times.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, everyMs));
        }
      })();
      return {
        async stop() {
          running = false;
          await loop;
          times.sort((a, b) => a - b);
          const at = (q: number) => times[Math.min(times.length - 1, Math.max(0, Math.ceil(q * times.length) - 1))];
          return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1], samples: times.length };
        },
      };
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
