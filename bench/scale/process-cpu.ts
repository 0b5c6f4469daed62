/**
 * CPU of the processes around the nodes, from /proc (Linux): the run's own redis-server, and the
 * PostgreSQL backends serving each node (found by application_name in pg_stat_activity, sampled while
 * the window runs, since a pool may open or close connections during it). The machine's PostgreSQL
 * also has shared processes (WAL writer, checkpointer, other users' backends): those are read by
 * name, machine-wide, and reported apart.
 */
import fs from 'node:fs';
import type pg from 'pg';
import { cpuByName, cpuDelta, cpuSeconds } from '../collab/process-usage';

/** The redis-server listening on `port` (its process title or command line names the port). */
export function findRedisPid(port: number): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (!comm.startsWith('redis-server')) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(`:${port}`) || cmdline.includes(`--port ${port}`)) return Number(entry);
    } catch {
      // gone while we looked
    }
  }
  return null;
}

export interface CpuWindow {
  /** CPU seconds used since start(), per key. */
  stop(): Promise<Map<string, number>>;
}

/**
 * CPU seconds of the PostgreSQL backends whose application_name starts with each given prefix,
 * between now and stop(). Backends first seen during the window count from their start.
 */
export function postgresBackendsCpu(pool: pg.Pool, applicationNames: string[], everyMs = 500): CpuWindow {
  /** pid → [key, CPU seconds when first seen (0 if it started in the window), last reading]. */
  const seen = new Map<number, { key: string; first: number; last: number }>();
  let first = true;
  const sample = async () => {
    const { rows } = await pool.query<{ pid: number; application_name: string }>(
      'SELECT pid, application_name FROM pg_stat_activity WHERE application_name = ANY($1::text[])',
      [applicationNames],
    );
    for (const row of rows) {
      const now = cpuSeconds(row.pid);
      if (now === null) continue;
      const known = seen.get(row.pid);
      if (known) known.last = now;
      else seen.set(row.pid, { key: row.application_name, first: first ? now : 0, last: now });
    }
    first = false;
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await sample();
      const totals = new Map<string, number>(applicationNames.map((name) => [name, 0]));
      for (const { key, first: from, last } of seen.values()) totals.set(key, (totals.get(key) ?? 0) + last - from);
      return totals;
    },
  };
}

/** Every process named `postgres` on the machine (other users' backends and the shared writers included). */
export function machinePostgresCpu(): CpuWindow {
  const before = cpuByName('postgres');
  return {
    async stop() {
      return new Map([['postgres', cpuDelta(before, cpuByName('postgres'))]]);
    },
  };
}

/** One process's CPU seconds between now and stop(); NaN when it could not be read. */
export function processCpu(pid: number | null): { stop(): number } {
  const before = pid === null ? null : cpuSeconds(pid);
  return {
    stop() {
      const after = pid === null ? null : cpuSeconds(pid);
      return before === null || after === null ? NaN : after - before;
    },
  };
}

/**
 * Seconds the process's main thread (a node's event loop) spent runnable but waiting for a CPU, from
 * /proc/<pid>/schedstat (run_delay), between now and stop(): what CPU% alone cannot show on a shared
 * machine. NaN when it could not be read.
 */
export function runQueueWait(pid: number | null): { stop(): number } {
  const read = () => {
    if (pid === null) return null;
    try {
      return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
    } catch {
      return null;
    }
  };
  const before = read();
  return {
    stop() {
      const after = read();
      return before === null || after === null ? NaN : after - before;
    },
  };
}
