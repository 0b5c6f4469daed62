import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/src/db/database';
import { quietLogger } from './quiet-logger';

/** The PostgreSQL the suite uses: TEST_DATABASE_URL, else the embedded PGlite from global setup. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.CONCORDIA_TEST_PGLITE_URL;
  if (!url) throw new Error('No test database: set TEST_DATABASE_URL or run through jest (global setup starts PGlite)');
  return url;
}

export const usingPglite = () => !process.env.TEST_DATABASE_URL;

/** A fresh schema name, so test files (and servers within them) never see each other's rows. */
export function freshSchema(prefix = 't'): string {
  return `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
}

/** Opens a pool on a fresh (or given) schema of the test database. */
export async function openTestDatabase(schema: string = freshSchema()): Promise<Database & { schema: string }> {
  const db = await openDatabase({ url: testDatabaseUrl(), dataDir: '', poolSize: usingPglite() ? 1 : 4, schema, log: quietLogger() });
  return { ...db, schema };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
