import type { IdentityEventView, OwnSession } from '../../../shared/src/api/security';
import type { OpenSessionRow } from '../auth/session-devices';
import type { IdentityEventRow } from '../audit/identity-events';

/** A session as its owner sees it: never its id (the token's hash), only its public id. */
export function presentOwnSession(row: OpenSessionRow & { current: boolean }): OwnSession {
  return {
    id: row.public_id,
    userAgent: row.user_agent,
    address: row.ip_address,
    startedAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    current: row.current,
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** An identity event as the person it concerns sees it: what, when, from where, why, and who else did it. */
export function presentIdentityEvent(row: IdentityEventRow, userId: string): IdentityEventView {
  const subject = row.subject ?? {};
  return {
    id: row.id,
    action: row.action,
    occurredAt: row.occurred_at.toISOString(),
    reason: text(subject.reason) ?? text(subject.how),
    address: text(subject.address),
    by: row.actor_user_id && row.actor_user_id !== userId ? (row.actor_name ?? null) : null,
  };
}
