import crypto from 'node:crypto';
import type pg from 'pg';
import type { AuditAction } from '../../../shared/src/audit-actions';
import { serialize } from '../../../shared/src/canonical';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEventInput {
  documentId: string | null;
  actorUserId: string | null;
  /** `noun.verb`, e.g. `membership.created`, `authorization.denied`: one of AUDIT_ACTIONS. */
  action: AuditAction;
  subject?: Record<string, unknown>;
}

/**
 * The hash of one row: SHA-256 of the previous hash, "\n", and the row's canonical JSON (keys sorted at
 * every depth: shared/src/canonical.ts `serialize`), so the same event always hashes the same. For
 * JSON values this is byte for byte the serialisation the chain was first written with
 * (tests/unit/server/audit-hash.test.ts pins it): stored hashes still verify.
 */
export function auditHash(
  prevHash: string,
  row: { documentId: string | null; actorUserId: string | null; action: string; subject: unknown; occurredAt: string },
): string {
  return crypto.createHash('sha256').update(prevHash).update('\n').update(serialize(row)).digest('hex');
}

/**
 * Appends one event to the audit chain. Must run inside the caller's transaction: the chain is
 * serialised by a transaction-scoped advisory lock, so two writers never link to the same row.
 */
export async function recordAuditEvent(client: pg.PoolClient, event: AuditEventInput): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':concordia:audit'))`);
  const last = await client.query<{ hash: string }>('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1');
  const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const occurredAt = new Date().toISOString();
  // Hash exactly what is stored and what verify-chain.ts reads back: the subject as JSON (a Date becomes
  // its ISO string, NaN null, an undefined array entry null), never the object in memory.
  const subject: unknown = JSON.parse(JSON.stringify(event.subject ?? {}));
  const hash = auditHash(prevHash, { documentId: event.documentId, actorUserId: event.actorUserId, action: event.action, subject, occurredAt });
  await client.query(
    `INSERT INTO audit_events (document_id, actor_user_id, action, subject, occurred_at, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [event.documentId, event.actorUserId, event.action, JSON.stringify(subject), occurredAt, prevHash, hash],
  );
}
