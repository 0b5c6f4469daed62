/**
 * The activity feed: a document's audit events, newest first, filtered by what the viewer may see.
 *  - Events about comment threads only when the viewer may read the thread (the comments' one SQL
 *    visibility predicate: a delegation's internal notes never reach anyone else).
 *  - Refused requests (`authorization.denied`) only for the secretariat and administrators.
 *  - An edit refused after the freeze only for the secretariat, administrators and its author.
 *  - Of each event's subject, only the fields listed for its action (emails, titles typed into an
 *    invitation and the like never leave the server).
 */
import type { AppContext } from '../context';
import type { DocumentAccess } from '../policies/document-access';
import { threadReader, threadVisibleTo } from '../comments/visibility';
import type { ActivityEvent, ActivityQuery } from '../../../shared/src/api/versions';

const SUBJECT_FIELDS: Array<[RegExp, readonly string[]]> = [
  [/^clause\.approved$/, ['clauseId', 'participantId', 'fingerprint', 'concordance', 'adReferendum', 'packageId']],
  [/^package\./, ['packageId', 'name', 'participantId', 'clauseIds']],
  [/^numbering\./, ['versionId', 'name', 'seq', 'changes', 'summary']],
  [/^clause\.approval_revoked$/, ['clauseId', 'participantId']],
  [/^clause\.approval_confirmed$/, ['clauseId', 'participantId', 'approvalId']],
  [/^clause\.concordance_confirmed$/, ['clauseId']],
  [/^clause\.(edited|deleted|restored)$/, ['clauseId', 'afterId', 'edits']],
  [/^version\.created$/, ['versionId', 'kind', 'name', 'fingerprint', 'seq']],
  [/^document\.frozen$/, ['versionId', 'fingerprint', 'seq']],
  [/^document\.imported$/, ['mode', 'clauses']],
  [/^signature_record\.saved$/, ['date']],
  [/^signature\.(initialled|ad_referendum_confirmed)$/, ['participantId', 'versionId', 'fingerprint', 'initials', 'date']],
  [/^collab\.update_rejected$/, ['reason', 'bytes']],
  [/^document\.phase_changed$/, ['phase']],
  [/^proposal\./, ['proposalId', 'clauseId', 'participantId', 'position']],
  [/^comment(_thread)?\./, ['clauseId', 'threadId']],
  [/^participant\./, ['participantId', 'code']],
  [/^(membership|invitation)\./, ['role', 'participantId']],
  [/^authorization\.denied$/, ['action', 'reason', 'channel']],
];

interface EventRow {
  id: string;
  action: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  subject: Record<string, unknown>;
}

export async function loadActivity(
  ctx: AppContext,
  access: DocumentAccess,
  query: ActivityQuery,
): Promise<{ events: ActivityEvent[]; nextBefore: string | null }> {
  const membership = access.membership;
  const overseer = membership?.role === 'secretariat' || (access.subject.isAdmin && !membership);
  const params: unknown[] = [access.document.id, access.subject.userId, overseer, query.before ?? null, query.limit + 1];
  const reader = threadReader(access.subject.userId, membership ? { role: membership.role, participantId: membership.participant_id } : null);
  const visible = threadVisibleTo(reader, params, 't');
  const { rows } = await ctx.pool.query<EventRow>(
    `SELECT e.id::text, e.action, e.occurred_at, e.actor_user_id, u.display_name AS actor_name, e.subject
       FROM audit_events e
       LEFT JOIN users u ON u.id = e.actor_user_id
       LEFT JOIN comment_threads t ON e.action ~ '^comment' AND t.id::text = e.subject->>'threadId'
      WHERE e.document_id = $1
        AND ($4::bigint IS NULL OR e.id < $4::bigint)
        AND (e.action !~ '^comment' OR (t.id IS NOT NULL AND ${visible}))
        AND (e.action <> 'authorization.denied' OR $3::boolean)
        AND (e.action <> 'collab.update_rejected' OR $3::boolean OR e.actor_user_id = $2::uuid)
      ORDER BY e.id DESC
      LIMIT $5`,
    params,
  );
  const page = rows.slice(0, query.limit);
  return {
    events: page.map(presentEvent),
    nextBefore: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}

function presentEvent(row: EventRow): ActivityEvent {
  const fields = SUBJECT_FIELDS.find(([pattern]) => pattern.test(row.action))?.[1] ?? [];
  const subject: Record<string, unknown> = {};
  for (const field of fields) if (row.subject?.[field] !== undefined) subject[field] = row.subject[field];
  return {
    id: row.id,
    action: row.action,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor_user_id ? { id: row.actor_user_id, displayName: row.actor_name ?? '' } : null,
    subject,
  };
}
