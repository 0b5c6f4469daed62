/**
 * Runs one SQL statement against an embedded database directory, in its own process (PGlite's
 * WebAssembly cannot load inside Jest's VM), and prints the rows as JSON.
 * Usage: node --import tsx tests/utils/embedded-query.ts DATA_DIR "SQL"
 */
import pino from 'pino';
import { openDatabase } from '../../server/src/db/database';

async function run(): Promise<void> {
  const [dataDir, sql] = process.argv.slice(2);
  const db = await openDatabase({ dataDir, poolSize: 1, log: pino({ level: 'silent' }) });
  try {
    const { rows } = await db.pool.query(sql);
    process.stdout.write(JSON.stringify(rows));
  } finally {
    await db.close();
  }
}

run().catch((err) => {
  process.stderr.write(String(err));
  process.exit(1);
});
