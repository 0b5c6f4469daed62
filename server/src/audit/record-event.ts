import crypto from 'node:crypto';
import type pg from 'pg';
import type { AuditAction } from '../../../shared/src/audit-actions';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEventInput {
  documentId: string | null;
  actorUserId: string | null;
  /** `noun.verb`, e.g. `membership.created`, `authorization.denied`: one of AUDIT_ACTIONS. */
  action: AuditAction;
  subject?: Record<string, unknown>;
}

/** Stable JSON: keys sorted at every depth, so the same event always hashes the same. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, row: { documentId: string | null; actorUserId: string | null; action: string; subject: unknown; occurredAt: string }): string {
  return crypto.createHash('sha256').update(prevHash).update('\n').update(stableStringify(row)).digest('hex');
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
  const subject = event.subject ?? {};
  const hash = auditHash(prevHash, { documentId: event.documentId, actorUserId: event.actorUserId, action: event.action, subject, occurredAt });
  await client.query(
    `INSERT INTO audit_events (document_id, actor_user_id, action, subject, occurred_at, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [event.documentId, event.actorUserId, event.action, JSON.stringify(subject), occurredAt, prevHash, hash],
  );
}
