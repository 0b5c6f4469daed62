/**
 * One node at a time runs a job (compacting one document, the automatic-versions check), under a
 * PostgreSQL session advisory lock held on a dedicated client for the job's whole run: the lock lives
 * exactly as long as that connection, so a node that dies or loses PostgreSQL releases it at once —
 * no Redis lock with a TTL that could expire while its holder still works. A node that does not get
 * the lock skips the run (the holder does it).
 *
 * The jobs are idempotent and their writes fenced by what they write: a snapshot never replaces a
 * newer one (document-store.ts), a version is taken only when the text changed since the latest one.
 */
import type pg from 'pg';
import type { Logger } from '../logger';
import type { ExclusiveRunner } from '../collab/document-registry';

export function advisoryLockRunner(pool: pg.Pool, log: Logger): ExclusiveRunner {
  return async <T>(name: string, work: () => Promise<T>): Promise<T | null> => {
    const client = await pool.connect();
    let held = false;
    try {
      const { rows } = await client.query<{ held: boolean }>(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held`, [`concordia:${name}`]);
      held = rows[0].held;
      if (!held) {
        log.debug({ job: name }, 'job held by another node; skipped here');
        return null;
      }
      return await work();
    } finally {
      // A connection whose unlock failed may still hold the lock: it is closed, never handed out again.
      const broken = held
        ? await client.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`concordia:${name}`]).then(
            () => undefined,
            (err: Error) => err,
          )
        : undefined;
      client.release(broken);
    }
  };
}
