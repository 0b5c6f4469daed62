import { ConfigError, loadEnv } from './config/env';
import { createConcordia } from './concordia';
import { MigrationError } from './db/migrate';
import { createLogger } from './logger';

/** `npm start`: validate configuration, open the database, migrate, seed the demo, listen. */
async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(env.LOG_LEVEL);
  let concordia;
  try {
    concordia = await createConcordia({ env, log });
  } catch (err) {
    if (err instanceof MigrationError) {
      process.stderr.write(`${err.message}\n`);
      log.fatal({ file: err.file, err: err.cause }, 'migration failed; start-up stopped');
      process.exit(1);
    }
    throw err;
  }
  const address = await concordia.listen();
  const url = `http://localhost:${address.port}`;
  log.info({ port: address.port, embedded: concordia.db.embedded }, 'Concordia listening');
  process.stdout.write(`\nConcordia is running at ${url}\n`);
  if (concordia.demo) {
    process.stdout.write(`Demo negotiation: "${concordia.demo.title}". Sign in with any of these (password: ${env.DEMO_PASSWORD}):\n`);
    for (const user of concordia.demo.users) process.stdout.write(`  ${user.email.padEnd(26)} ${user.description}\n`);
  }
  const shutdown = (signal: string) => {
    log.info({ signal }, 'signal received');
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    concordia.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Concordia failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
