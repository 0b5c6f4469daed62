/**
 * "Since my last visit": when a person last opened a negotiation (recorded by the workspace as it
 * opens and as it closes), and what others did there since — how many people edited the text, the
 * comments I may read (and those that mention me), approvals given or revoked, proposal activity, new
 * versions, the freeze. Internal notes of other delegations are never counted. One query for every
 * document of the list; the counts read forward from the stored update and audit event of the visit.
 */
import type { Queryable } from '../../db/queryable';
import { threadVisibleToMember } from '../../comments/visibility';
import type { SinceLastVisit } from '../../../../shared/src/api/documents';

/** What the counts cover, by audit action: public facts every member of a negotiation sees in its activity. */
const COUNTED = {
  approvals: ['clause.approved', 'clause.approval_revoked', 'clause.approval_confirmed'],
  proposals: ['proposal.tabled', 'proposal.accepted', 'proposal.rejected', 'proposal.withdrawn', 'proposal.position_stated'],
  versions: ['version.created', 'document.frozen'],
} as const;

/** Records that `userId` has the negotiation open now, as of its last stored update and audit event. */
export async function recordVisit(db: Queryable, documentId: string, userId: string): Promise<{ visitedAt: Date }> {
  const { rows } = await db.query<{ visited_at: Date }>(
    `INSERT INTO document_visits (document_id, user_id, visited_at, through_update_id, through_audit_id)
     VALUES ($1, $2, now(),
             coalesce((SELECT max(id) FROM document_updates WHERE document_id = $1), 0),
             coalesce((SELECT max(id) FROM audit_events WHERE document_id = $1), 0))
     ON CONFLICT (document_id, user_id) DO UPDATE
       SET visited_at = EXCLUDED.visited_at, through_update_id = EXCLUDED.through_update_id, through_audit_id = EXCLUDED.through_audit_id
     RETURNING visited_at`,
    [documentId, userId],
  );
  return { visitedAt: rows[0].visited_at };
}

interface Row {
  document_id: string;
  visited_at: Date;
  editors: number;
  comments: number;
  mentions: number;
  approvals: number;
  proposals: number;
  versions: number;
}

/** Document id → what changed there since `userId` last opened it (absent: never opened). */
export async function changesSinceLastVisit(db: Queryable, userId: string, documentIds: readonly string[]): Promise<Map<string, SinceLastVisit>> {
  const found = new Map<string, SinceLastVisit>();
  if (documentIds.length === 0) return found;
  const counted = (actions: readonly string[]) =>
    `(SELECT count(*)::int FROM audit_events a
       WHERE a.document_id = v.document_id AND a.id > v.through_audit_id
         AND a.actor_user_id IS DISTINCT FROM v.user_id AND a.action IN (${actions.map((a) => `'${a}'`).join(', ')}))`;
  const { rows } = await db.query<Row>(
    `SELECT v.document_id, v.visited_at,
            (SELECT count(DISTINCT u.user_id)::int FROM document_updates u
              WHERE u.document_id = v.document_id AND u.id > v.through_update_id
                AND u.user_id IS NOT NULL AND u.user_id <> v.user_id) AS editors,
            coalesce(seen.comments, 0) AS comments, coalesce(seen.mentions, 0) AS mentions,
            ${counted(COUNTED.approvals)} AS approvals,
            ${counted(COUNTED.proposals)} AS proposals,
            ${counted(COUNTED.versions)} AS versions
       FROM document_visits v
       LEFT JOIN memberships m ON m.document_id = v.document_id AND m.user_id = v.user_id
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS comments, count(*) FILTER (WHERE v.user_id = ANY (c.mentions))::int AS mentions
           FROM comment_threads t JOIN comments c ON c.thread_id = t.id
          WHERE t.document_id = v.document_id AND c.created_at > v.visited_at AND c.author_id <> v.user_id
            AND c.deleted_at IS NULL AND ${threadVisibleToMember('t', 'm')}) seen ON true
      WHERE v.user_id = $1 AND v.document_id = ANY ($2::uuid[])`,
    [userId, documentIds],
  );
  for (const row of rows) {
    found.set(row.document_id, {
      visitedAt: row.visited_at.toISOString(),
      editors: row.editors,
      comments: row.comments,
      mentions: row.mentions,
      approvals: row.approvals,
      proposals: row.proposals,
      versions: row.versions,
    });
  }
  return found;
}
