/** The server under test, as its own process (as `npm start` runs it), so its CPU and RSS are its own. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, spawnServer, type SpawnedServer } from '../../tests/utils/spawn-server';

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
    DATABASE_URL: databaseUrl,
    DEMO: '0',
    COLLAB_DEV_OPEN: '1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...env,
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

export interface RelayProcess {
  pid: number;
  wsUrl: string;
  origin: string;
  stop(): Promise<void>;
}

/** The reference relay (reference-relay.ts), as its own process. */
export async function startReferenceRelay(): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/collab/reference-relay.ts')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const match = /listening on (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => reject(new Error(`reference relay exited: ${out}`)));
  });
  return {
    pid: child.pid!,
    wsUrl: `ws://127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
