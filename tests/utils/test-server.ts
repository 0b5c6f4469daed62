import type { AddressInfo } from 'node:net';
import { loadEnv } from '../../server/src/config/env';
import { createConcordia, type Concordia } from '../../server/src/concordia';
import { freshSchema, testDatabaseUrl, usingPglite, dropSchema } from './test-db';
import { quietLogger } from './quiet-logger';
import type { Logger } from '../../server/src/logger';

export interface TestServer {
  concordia: Concordia;
  schema: string;
  port: number;
  url: string;
  wsUrl: string;
  stop(options?: { keepSchema?: boolean }): Promise<void>;
}

/** A whole Concordia in this process, on port 0, in a schema of its own on the test database (`log`: to read what it logs). */
export async function startTestServer(env: Record<string, string> = {}, schema: string = freshSchema('s'), log: Logger = quietLogger()): Promise<TestServer> {
  const parsed = loadEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: testDatabaseUrl(),
    DEMO: '0',
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: usingPglite() ? '1' : '4',
    ...env,
  });
  const concordia = await createConcordia({ env: parsed, log, schema });
  const address: AddressInfo = await concordia.listen();
  return {
    concordia,
    schema,
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    wsUrl: `ws://127.0.0.1:${address.port}`,
    async stop(options = {}) {
      await concordia.stop();
      if (!options.keepSchema) await dropSchema(schema);
    },
  };
}
