/**
 * The real peers, each started as its own process from bench/peers/node_modules (`npm ci --prefix bench/peers`):
 * `@y/websocket-server` 0.1.1 (the reference server: its own bin, HOST/PORT) and `@hocuspocus/server`
 * (bench/peers/hocuspocus-server.mjs, defaults, in memory). Neither has a database: they relay and
 * keep the document in memory, so Concordia's rows carry one durable commit that theirs do not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../../tests/utils/spawn-server';
import type { RelayProcess } from './server-process';

export type PeerName = 'y-websocket-server' | 'hocuspocus';

export interface PeerProcess extends RelayProcess {
  /** How its clients frame messages: y-websocket's, or Hocuspocus's (each message prefixed by the document name). */
  protocol: 'y-websocket' | 'hocuspocus';
}

const BENCH_ROOT = path.join(REPO_ROOT, 'bench/peers');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the child prints a line matching `ready`; rejects if it exits first. */
function waitForOutput(child: ChildProcess, ready: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (ready.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening: ${out}`)));
  });
}

export async function startPeer(name: PeerName): Promise<PeerProcess> {
  const port = await freePort();
  const script =
    name === 'y-websocket-server' ? path.join(BENCH_ROOT, 'node_modules/@y/websocket-server/src/server.js') : path.join(BENCH_ROOT, 'hocuspocus-server.mjs');
  const child = spawn(process.execPath, [script], {
    cwd: BENCH_ROOT,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForOutput(child, name === 'y-websocket-server' ? /running at/ : /listening on/, name);
  return {
    pid: child.pid!,
    wsUrl: `ws://127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    protocol: name === 'hocuspocus' ? 'hocuspocus' : 'y-websocket',
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
