/**
 * A child process of the many-observers benchmark: opens `count` thin observers on one document and
 * times the markers they receive against the send times the parent passes over IPC (absolute times,
 * performance.timeOrigin + now(), so both processes share one clock). Reports the latencies, its own CPU and event-loop delay when asked.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ThinClient, type SendTimes } from './thin-client';

type FromParent =
  | { type: 'start'; url: string; origin: string; count: number; firstIndex: number; initialState: number[]; clauseId: string }
  | { type: 'sent'; from: number; seq: number; at: number }
  | { type: 'window'; start: number; end: number | null }
  | { type: 'report' };

const absolute = () => performance.timeOrigin + performance.now();
const sent: SendTimes = [];
const early = new Map<string, number[]>();
const latencies: number[] = [];
let windowStart = Infinity;
let windowEnd = Infinity;
const clients: ThinClient[] = [];
const loop = monitorEventLoopDelay({ resolution: 10 });
let cpuAtWindow = process.cpuUsage();

function record(sentAt: number, receivedAt: number): void {
  if (sentAt < windowStart || sentAt > windowEnd) return;
  latencies.push(receivedAt - sentAt);
}

process.on('message', (message: FromParent) => {
  if (message.type === 'start') {
    const initialState = Uint8Array.from(message.initialState);
    for (let i = 0; i < message.count; i += 1)
      clients.push(
        new ThinClient({
          url: message.url,
          origin: message.origin,
          index: message.firstIndex + i,
          initialState,
          clauseId: message.clauseId,
          sendTimes: sent,
          onMarker(from, seq) {
            const at = absolute();
            const sentAt = sent[from]?.[seq];
            if (sentAt !== undefined) record(sentAt, at);
            else early.set(`${from}:${seq}`, [...(early.get(`${from}:${seq}`) ?? []), at]);
          },
        }),
      );
    void Promise.all(clients.map((c) => c.synced)).then(
      () => process.send!({ type: 'synced' }),
      (err: unknown) => process.send!({ type: 'failed', error: String(err) }),
    );
  } else if (message.type === 'sent') {
    (sent[message.from] ??= [])[message.seq] = message.at;
    const key = `${message.from}:${message.seq}`;
    for (const at of early.get(key) ?? []) record(message.at, at);
    early.delete(key);
  } else if (message.type === 'window') {
    windowStart = message.start;
    windowEnd = message.end ?? Infinity;
    if (message.end === null) {
      loop.reset();
      loop.enable();
      cpuAtWindow = process.cpuUsage();
    }
  } else {
    loop.disable();
    const cpu = process.cpuUsage(cpuAtWindow);
    for (const client of clients) client.close();
    // Exits once the (large) report is written to the channel, not before.
    process.send!(
      {
        type: 'report',
        latencies,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        loopP99Ms: loop.percentile(99) / 1e6,
        loopMaxMs: loop.max / 1e6,
      },
      undefined,
      {},
      () => process.exit(0),
    );
  }
});
