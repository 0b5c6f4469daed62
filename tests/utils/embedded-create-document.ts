/**
 * Prepares an embedded database directory for a spawned server: migrates it and creates one draft
 * document (English and Spanish), printing its id. Runs in its own process (PGlite's WebAssembly
 * cannot load inside Jest's VM). Usage: node --import tsx tests/utils/embedded-create-document.ts DATA_DIR
 */
import pino from 'pino';
import { openDatabase } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/migrate';

async function run(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  const log = pino({ level: 'silent' });
  const db = await openDatabase({ dataDir, poolSize: 1, log });
  try {
    await migrate(db.pool, log);
    const { rows } = await db.pool.query<{ id: string }>(`INSERT INTO documents (title, languages) VALUES ($1, ARRAY['en','es']) RETURNING id`, [
      JSON.stringify({ en: 'Restart test', es: 'Prueba de reinicio' }),
    ]);
    process.stdout.write(rows[0].id);
  } finally {
    await db.close();
  }
}

run().catch((err) => {
  process.stderr.write(String(err));
  process.exit(1);
});
