import type pg from 'pg';
import type { Logger } from '../logger';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { DenialThrottle, denialThrottleFor, type DenialKind, type RepeatedDenials } from './denial-throttle';
import { can, type Action, type DenialReason, type PolicyObject, type PolicySubject } from '../../../shared/src/policy';

/** What recording a refusal needs: a pool for the audit event and a log (the app's context has both). */
export interface DenialRecorder {
  pool: pg.Pool;
  log: Logger;
}

/** Where a request came from and what it touched, for the denial record. */
export interface AccessPoint {
  channel: 'rest' | 'socket.io' | 'collab';
  /** e.g. `PATCH /api/documents/:documentId/memberships/:membershipId`, `document:join`, `collab sync update`. */
  target: string;
  documentId?: string | null;
  requestId?: string;
}

/** The error a person meets for each reason. A non-member is told "not found": a document's existence is not theirs to learn. */
export function denialError(reason: DenialReason): AppError {
  switch (reason) {
    case 'not_signed_in':
      return new AppError('unauthenticated');
    case 'not_a_member':
      return new AppError('not_found');
    case 'document_closed':
      return new AppError('document_frozen');
    case 'not_frozen':
      return new AppError('document_not_frozen');
    case 'negotiation_phase':
      return new AppError('negotiation_phase');
    default:
      return new AppError('forbidden');
  }
}

/**
 * Logs and records a refusal: who, what, why. Every channel calls this for every refusal the policy
 * makes; the audit event ('authorization.denied') is written in its own transaction. A refusal repeated
 * is counted, and recorded once per window with how often it happened (denial-throttle.ts): anyone
 * signed in can cause refusals, and they must not fill a document's activity or the audit chain.
 */
export async function recordDenial(
  ctx: DenialRecorder,
  subject: PolicySubject | null,
  action: Action | string,
  reason: DenialReason | string,
  where: AccessPoint,
): Promise<void> {
  const who = subject
    ? { userId: subject.userId, role: subject.membership?.role ?? null, participantId: subject.membership?.participantId ?? null, isAdmin: subject.isAdmin }
    : { userId: null };
  const kind = { userId: who.userId, documentId: where.documentId ?? null, action, reason, channel: where.channel, target: where.target };
  const verdict = denialThrottleFor(ctx.pool, () => new DenialThrottle((repeatedKind, repeats) => recordRepeats(ctx, repeatedKind, repeats))).note(kind);
  const fields = { ...who, action, reason, channel: where.channel, target: where.target, documentId: where.documentId ?? null, reqId: where.requestId };
  if (verdict !== 'record') {
    ctx.log.debug({ ...fields, verdict }, 'authorization denied again (counted)');
    return;
  }
  ctx.log.warn(fields, 'authorization denied');
  await writeDenial(ctx, where.documentId ?? null, who.userId, { ...who, action, reason, channel: where.channel, target: where.target });
}

/** The one event for the repeats of a refusal within a window. */
async function recordRepeats(ctx: DenialRecorder, kind: DenialKind, repeats: RepeatedDenials): Promise<void> {
  ctx.log.warn({ ...kind, ...repeats }, 'authorization denied repeatedly');
  const { userId, documentId, ...what } = kind;
  await writeDenial(ctx, documentId, userId, { userId, ...what, ...repeats });
}

async function writeDenial(ctx: DenialRecorder, documentId: string | null, actorUserId: string | null, subject: Record<string, unknown>): Promise<void> {
  try {
    await withTransaction(ctx.pool, (client) => recordAuditEvent(client, { documentId, actorUserId, action: 'authorization.denied', subject }));
  } catch (err) {
    ctx.log.error({ err }, 'recording a denial failed (the request is refused all the same)');
  }
}

/** Enforces the policy: returns when allowed; otherwise records the denial and throws the matching AppError. */
export async function authorize(ctx: DenialRecorder, subject: PolicySubject | null, action: Action, object: PolicyObject, where: AccessPoint): Promise<void> {
  const decision = can(subject, action, object);
  if (decision.allowed) return;
  await recordDenial(ctx, subject, action, decision.reason, where);
  throw denialError(decision.reason);
}
