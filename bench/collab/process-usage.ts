/**
 * CPU and memory of other processes, read from /proc (Linux): the server under test and the
 * PostgreSQL processes on this machine.
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

export const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** user + system CPU seconds used so far by one process; null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Resident set size in MiB. */
export function rssMiB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds of every process named `name` (e.g. every postgres backend), by pid. */
export function cpuByName(name: string): Map<number, number> {
  const usage = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== name) continue;
      const seconds = cpuSeconds(Number(entry));
      if (seconds !== null) usage.set(Number(entry), seconds);
    } catch {
      // the process ended while we looked
    }
  }
  return usage;
}

/** CPU seconds the processes named `name` used between two cpuByName() readings (new ones count whole). */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Samples a process's RSS every `everyMs` until stopped; returns the largest and the last. */
export function sampleRss(pid: number, everyMs = 500): { stop(): { maxMiB: number; lastMiB: number } } {
  let max = rssMiB(pid) ?? 0;
  let last = max;
  const timer = setInterval(() => {
    const now = rssMiB(pid);
    if (now === null) return;
    last = now;
    if (now > max) max = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = rssMiB(pid);
      if (now !== null) {
        last = now;
        max = Math.max(max, now);
      }
      return { maxMiB: max, lastMiB: last };
    },
  };
}
