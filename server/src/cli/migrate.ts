import { ConfigError, loadEnv } from '../config/env';
import { openDatabase } from '../db/database';
import { migrate, MigrationError } from '../db/migrate';
import { createLogger } from '../logger';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits. */
async function run(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 1, log });
  try {
    const applied = await migrate(db.pool, log);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply: the database is up to date.\n');
  } finally {
    await db.close();
  }
}

run().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError || err instanceof MigrationError ? err.message : String(err)}\n`);
  process.exit(1);
});
