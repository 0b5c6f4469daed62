/**
 * Identity events in the audit chain: signing in (and why it failed), passwords changed and reset,
 * sessions ended. They concern a person rather than a document (document_id is null) and always name
 * that person as `subject.userId` when there is one, which is how the Security page finds a person's
 * own (migration 019 indexes it). A failed sign-in for an email nobody holds has no userId.
 */
import type pg from 'pg';
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { IDENTITY_EVENT_KINDS } from '../../../shared/src/api/security';
import { recordAuditEvent } from './record-event';

export const IDENTITY_ACTIONS = IDENTITY_EVENT_KINDS;
export type IdentityAction = (typeof IDENTITY_ACTIONS)[number];

/** Why a sign-in failed, as the log records it (the person who tried is told only invalid_credentials). */
export type SignInFailure = 'unknown_account' | 'wrong_password' | 'account_disabled' | 'too_many_attempts';

export interface IdentityEvent {
  action: IdentityAction;
  /** Who did it: the person, the secretariat or administrator who sent a reset, null when unknown. */
  actorUserId: string | null;
  /** Whose account it concerns. */
  userId: string | null;
  details?: Record<string, unknown>;
}

const subjectOf = (event: IdentityEvent) => ({ ...(event.userId ? { userId: event.userId } : {}), ...event.details });

/** Inside the caller's transaction (a password change and its event commit together). */
export async function recordIdentityEventIn(client: pg.PoolClient, event: IdentityEvent): Promise<void> {
  await recordAuditEvent(client, { documentId: null, actorUserId: event.actorUserId, action: event.action, subject: subjectOf(event) });
}

/**
 * In a transaction of its own, for events that change nothing else (a sign-in). A failure to record is
 * logged and does not fail the request: the chain is the record, not a gate on signing in.
 */
export async function recordIdentityEvent(ctx: Pick<AppContext, 'pool' | 'log'>, event: IdentityEvent): Promise<void> {
  try {
    await withTransaction(ctx.pool, (client) => recordIdentityEventIn(client, event));
  } catch (err) {
    ctx.log.error({ err, action: event.action, userId: event.userId }, 'identity event not recorded');
  }
}

export interface IdentityEventRow {
  id: string;
  action: IdentityAction;
  occurred_at: Date;
  subject: Record<string, unknown>;
  actor_user_id: string | null;
  actor_name: string | null;
}

/** A person's most recent identity events, newest first. */
export async function identityEventsOf(db: pg.Pool, userId: string, limit = 50): Promise<IdentityEventRow[]> {
  const { rows } = await db.query<IdentityEventRow>(
    `SELECT e.id::text AS id, e.action, e.occurred_at, e.subject, e.actor_user_id, u.display_name AS actor_name
       FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE e.document_id IS NULL AND e.subject ->> 'userId' = $1 AND e.action = ANY($2::text[])
      ORDER BY e.id DESC LIMIT $3`,
    [userId, [...IDENTITY_ACTIONS], limit],
  );
  return rows;
}
