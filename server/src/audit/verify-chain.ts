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

export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  let previous = null as { id: string; hash: string } | null;
  let count = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      `SELECT id::text, document_id, actor_user_id, action, subject, occurred_at, prev_hash, hash
         FROM audit_events WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [previous?.id ?? 0],
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
    if (rows.length < BATCH) return { ok: true, rows: count, firstBad: null };
  }
}
