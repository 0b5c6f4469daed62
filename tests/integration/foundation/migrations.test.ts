import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, MigrationError, pendingMigrations, readMigrations } from '../../../server/src/db/migrate';
import { dropSchema, freshSchema, openTestDatabase, usingPglite } from '../../utils/test-db';
import { quietLogger } from '../../utils/quiet-logger';

const log = quietLogger();

function tempMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-migrations-'));
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

describe('migrations', () => {
  it('apply every file on an empty database, in order', async () => {
    const db = await openTestDatabase();
    try {
      const applied = await migrate(db.pool, log);
      expect(applied).toEqual(readMigrations().map((f) => f.name));
      expect(await pendingMigrations(db.pool)).toEqual([]);
      const { rows } = await db.pool.query(`SELECT to_regclass('documents') IS NOT NULL AS ok`);
      expect(rows[0].ok).toBe(true);
    } finally {
      await db.close();
      await dropSchema(db.schema);
    }
  });

  it('applying again is a no-op', async () => {
    const db = await openTestDatabase();
    try {
      await migrate(db.pool, log);
      const before = await db.pool.query('SELECT name, applied_at FROM schema_migrations ORDER BY name');
      expect(await migrate(db.pool, log)).toEqual([]);
      const after = await db.pool.query('SELECT name, applied_at FROM schema_migrations ORDER BY name');
      expect(after.rows).toEqual(before.rows);
    } finally {
      await db.close();
      await dropSchema(db.schema);
    }
  });

  const concurrent = usingPglite() ? it.skip : it;
  if (usingPglite()) {
    console.info('Skipped on embedded PGlite: it serves one session, so two concurrent runners cannot exist there.');
  }
  concurrent('two concurrent runners apply each file once', async () => {
    const schema = freshSchema();
    const a = await openTestDatabase(schema);
    const b = await openTestDatabase(schema);
    try {
      const [first, second] = await Promise.all([migrate(a.pool, log), migrate(b.pool, log)]);
      expect([...first, ...second].sort()).toEqual(readMigrations().map((f) => f.name));
      const { rows } = await a.pool.query('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0].n).toBe(readMigrations().length);
    } finally {
      await a.close();
      await b.close();
      await dropSchema(schema);
    }
  });

  it('a broken file fails naming the file and the PostgreSQL error, earlier state intact', async () => {
    const dir = tempMigrations({
      '001_first.sql': 'CREATE TABLE widgets (id int PRIMARY KEY);',
      '002_broken.sql': 'CREATE TABLE gadgets (id int PRIMARY KEY);\nINSERT INTO widgets VALUES (1);\nSELEC nonsense;',
      '003_never.sql': 'CREATE TABLE never (id int);',
    });
    const db = await openTestDatabase();
    try {
      const error = await migrate(db.pool, log, dir).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).message).toContain('002_broken.sql');
      expect((error as MigrationError).message).toMatch(/syntax error/);
      const tables = await db.pool.query(
        `SELECT to_regclass('widgets') IS NOT NULL AS widgets, to_regclass('gadgets') IS NOT NULL AS gadgets, to_regclass('never') IS NOT NULL AS never`,
      );
      expect(tables.rows[0]).toEqual({ widgets: true, gadgets: false, never: false });
      expect((await db.pool.query('SELECT count(*)::int AS n FROM widgets')).rows[0].n).toBe(0);
      expect((await db.pool.query('SELECT name FROM schema_migrations')).rows).toEqual([{ name: '001_first.sql' }]);
    } finally {
      await db.close();
      await dropSchema(db.schema);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file whose name has no number', () => {
    const dir = tempMigrations({ 'create_things.sql': 'SELECT 1;' });
    expect(() => readMigrations(dir)).toThrow(/001_create_users\.sql/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
