/**
 * Walks the audit chain in id order and recomputes every link: each row's `prev_hash` must be the
 * previous row's `hash` (the genesis hash for the first), and its `hash` must be `auditHash` of its own
 * content. The first row where either fails is named, with why: an edited row fails its own hash, a
 * deleted row breaks the next row's link (and leaves a gap in the ids), an inserted or reordered row
 * breaks a link where it stands.
 */
import type { Queryable } from '../db/queryable';
import { auditHash, GENESIS_HASH } from './record-event';

export interface ChainReport {
  ok: boolean;
  rows: number;
  /** The first bad row, when there is one. */
  firstBad: { id: string; reason: 'hash_mismatch' | 'broken_link'; detail: string } | null;
}

interface AuditRow {
  id: string;
  document_id: string | null;
  actor_user_id: string | null;
  action: string;
  subject: unknown;
  occurred_at: Date;
  prev_hash: string;
  hash: string;
}

const BATCH = 1000;

/**
 * Pages by keyset on the numeric id: `ORDER BY e.id` names the bigint column (a bare `ORDER BY id`
 * would sort the `id::text` output column, 1, 10, 100, 101, …), and each page starts after the last id
 * read, compared as a bigint, so no row is skipped or read twice whatever the page size.
 */
export async function verifyAuditChain(db: Queryable, options: { batchSize?: number } = {}): Promise<ChainReport> {
  const batch = options.batchSize ?? BATCH;
  let previous = null as { id: string; hash: string } | null;
  let count = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      `SELECT e.id::text AS id, e.document_id, e.actor_user_id, e.action, e.subject, e.occurred_at, e.prev_hash, e.hash
         FROM audit_events e WHERE e.id > $1::bigint ORDER BY e.id LIMIT $2`,
      [previous?.id ?? '0', batch],
    );
    for (const row of rows) {
      count += 1;
      const expectedPrev = previous?.hash ?? GENESIS_HASH;
      if (row.prev_hash !== expectedPrev) {
        const gap = previous && BigInt(row.id) !== BigInt(previous.id) + 1n ? ` (ids jump from ${previous.id} to ${row.id}: rows are missing)` : '';
        return {
          ok: false,
          rows: count,
          firstBad: { id: row.id, reason: 'broken_link', detail: `its prev_hash is not the hash of ${previous ? `row ${previous.id}` : 'the genesis'}${gap}` },
        };
      }
      const recomputed = auditHash(row.prev_hash, {
        documentId: row.document_id,
        actorUserId: row.actor_user_id,
        action: row.action,
        subject: row.subject,
        occurredAt: row.occurred_at.toISOString(),
      });
      if (recomputed !== row.hash) {
        return {
          ok: false,
          rows: count,
          firstBad: { id: row.id, reason: 'hash_mismatch', detail: 'its content does not hash to its stored hash: the row was changed' },
        };
      }
      previous = { id: row.id, hash: row.hash };
    }
    if (rows.length < batch) return { ok: true, rows: count, firstBad: null };
  }
}
