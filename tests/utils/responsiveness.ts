/**
 * Whether a server stays responsive while something costly runs: `/readyz` asked over and over (one
 * request at a time, so a stalled event loop shows as one long answer), and the process's peak memory.
 *
 *   const probe = probeReadyz(server.url);  await hostileRequest();  const { slowestMs, answered } = await probe.stop();
 */
import fs from 'node:fs';

export interface ReadyzProbe {
  stop(): Promise<{ slowestMs: number; answered: number; failed: number }>;
}

export function probeReadyz(baseUrl: string, everyMs = 50): ReadyzProbe {
  let running = true;
  let slowestMs = 0;
  let answered = 0;
  let failed = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}/readyz`);
        await response.arrayBuffer();
        if (response.status === 200) answered += 1;
        else failed += 1;
      } catch {
        failed += 1;
      }
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { slowestMs: Math.round(slowestMs), answered, failed };
    },
  };
}

/** The peak resident memory of a process so far, in MiB (Linux: VmHWM); null where /proc is not there. */
export function peakMemoryMiB(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}
