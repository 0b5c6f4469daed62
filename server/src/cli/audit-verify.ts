import { ConfigError, loadEnv } from '../config/env';
import { openDatabase } from '../db/database';
import { createLogger } from '../logger';
import { verifyAuditChain } from '../audit/verify-chain';

/**
 * `npm run audit:verify [-- --schema NAME]`: walks the audit chain of DATABASE_URL (or the embedded
 * database) and names the first bad row. Exit code 0 when the chain holds, 1 when it is broken, 2 when
 * it could not be checked.
 */
async function run(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--schema');
  const schema = at >= 0 ? args[at + 1] : undefined;
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 1, schema, log });
  try {
    const report = await verifyAuditChain(db.pool);
    if (report.ok) {
      process.stdout.write(`The audit chain holds: ${report.rows} row(s) checked.\n`);
      return 0;
    }
    const bad = report.firstBad!;
    process.stdout.write(`The audit chain is broken at row ${bad.id} (${bad.reason}): ${bad.detail}.\n`);
    return 1;
  } finally {
    await db.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
