/** The server under test, as its own process (as `npm start` runs it), so its CPU and RSS are its own. */
import { spawnServer, type SpawnedServer } from '../../tests/utils/spawn-server';

export interface ServerUnderTest {
  server: SpawnedServer;
  pid: number;
  wsUrl: string;
  origin: string;
  /** The `ms` of every 'document loaded' log line so far (needs LOG_LEVEL=info). */
  loadTimes(): number[];
  stop(): Promise<void>;
}

export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerUnderTest> {
  const server = await spawnServer({
    DATABASE_URL: databaseUrl, DEMO: '0', COLLAB_DEV_OPEN: '1', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env,
  });
  return {
    server,
    pid: server.child.pid!,
    wsUrl: `ws://127.0.0.1:${server.port}`,
    origin: `http://127.0.0.1:${server.port}`,
    loadTimes() {
      const times: number[] = [];
      for (const line of server.output().split('\n')) {
        if (!line.includes('"document loaded"')) continue;
        try {
          times.push((JSON.parse(line) as { ms: number }).ms);
        } catch {
          // a partial line; the next read has it whole
        }
      }
      return times;
    },
    async stop() {
      await server.kill('SIGTERM');
    },
  };
}
