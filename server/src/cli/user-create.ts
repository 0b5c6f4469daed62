import { ConfigError, loadEnv } from '../config/env';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import { createLogger } from '../logger';
import { runUserCreate } from './user-create-command';

/** `npm run user:create -- --email … --name … [--admin]`: same database choice as the server. */
async function main(): Promise<number> {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const log = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  let db: Database | null = null;
  try {
    return await runUserCreate(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, async () => {
      db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 1, log });
      await migrate(db.pool, log);
      return db.pool;
    });
  } finally {
    await (db as Database | null)?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`user:create failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
