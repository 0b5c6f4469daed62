/**
 * The server's own heap, from outside: the server under test runs with NODE_OPTIONS=--inspect=127.0.0.1:0
 * (it prints its inspector address on stderr), and this speaks just enough of the DevTools protocol to
 * force a full garbage collection and read process.memoryUsage() there. Nothing in the server changes.
 */
import WebSocket from 'ws';
import type { ServerUnderTest } from './server-process';

export const INSPECT_ENV = { NODE_OPTIONS: '--inspect=127.0.0.1:0' };

export interface ServerMemory {
  rssMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
  arrayBuffersMiB: number;
}

export interface ServerInspector {
  /** A full, forced garbage collection, then the server's memoryUsage(). */
  collectAndMeasure(): Promise<ServerMemory>;
  close(): void;
}

export async function inspectServer(server: ServerUnderTest): Promise<ServerInspector> {
  const match = /Debugger listening on (ws:\/\/\S+)/.exec(server.server.output());
  if (!match) throw new Error('the server prints no inspector address (start it with INSPECT_ENV)');
  const ws = new WebSocket(match[1]);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    async collectAndMeasure() {
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
      const result = (await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as {
        result: { value: string };
      };
      const usage = JSON.parse(result.result.value) as { rss: number; heapUsed: number; external: number; arrayBuffers: number };
      const mib = (bytes: number) => bytes / 1024 / 1024;
      return { rssMiB: mib(usage.rss), heapUsedMiB: mib(usage.heapUsed), externalMiB: mib(usage.external), arrayBuffersMiB: mib(usage.arrayBuffers) };
    },
    close() {
      ws.terminate();
    },
  };
}
