/**
 * The notifications table as its readers see it. Every read goes through `VISIBLE`: a row is read only
 * while its person is a member of its document and, for a mention, may read its thread now [N3] — so
 * the list, the count, marking read and the live push all answer alike, and no presenter can leak.
 */
import type { Queryable } from '../db/queryable';
import { threadVisibleToMember } from '../comments/visibility';
import type { NotificationClause, NotificationKind } from '../../../shared/src/api/notifications';

/** FROM … WHERE (for `$1` = the reader's user id) of every row its reader may read now, with `joins` added. */
const visibleFrom = (joins = '') => `FROM notifications n
  JOIN documents d ON d.id = n.document_id
  JOIN memberships m ON m.document_id = n.document_id AND m.user_id = n.user_id
  LEFT JOIN comment_threads t ON t.id = n.thread_id ${joins}
  WHERE n.user_id = $1 AND (n.thread_id IS NULL OR ${threadVisibleToMember('t', 'm')})`;
const VISIBLE = visibleFrom();

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  document_id: string;
  title: Record<string, string>;
  clause: NotificationClause | null;
  details: Record<string, unknown>;
  thread_id: string | null;
  comment_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  /** The comment's first characters now; null once deleted (or not a mention). */
  excerpt: string | null;
  excerpt_cut: boolean;
  created_at: Date;
  read_at: Date | null;
  /** created_at as PostgreSQL writes it (microseconds): the page cursor. */
  created_key: string;
}

const COLUMNS = `n.id, n.kind, n.document_id, d.title, n.clause, n.details, n.thread_id, n.comment_id, n.created_at, n.read_at,
  n.created_at::text AS created_key, a.id AS actor_id, a.display_name AS actor_name,
  CASE WHEN c.deleted_at IS NULL THEN left(c.body, $EXCERPT) END AS excerpt,
  coalesce(c.deleted_at IS NULL AND char_length(c.body) > $EXCERPT, false) AS excerpt_cut`;

export interface ListFilter {
  documentId?: string;
  unreadOnly?: boolean;
  ids?: readonly string[];
  limit: number;
  /** Rows strictly older than this (created_key, id). */
  before?: { createdKey: string; id: string };
}

export async function listVisible(db: Queryable, userId: string, filter: ListFilter, excerptMax: number): Promise<NotificationRow[]> {
  const params: unknown[] = [userId];
  const where: string[] = [];
  if (filter.documentId) {
    params.push(filter.documentId);
    where.push(`n.document_id = $${params.length}::uuid`);
  }
  if (filter.unreadOnly) where.push('n.read_at IS NULL');
  if (filter.ids) {
    params.push(filter.ids);
    where.push(`n.id = ANY ($${params.length}::uuid[])`);
  }
  if (filter.before) {
    params.push(filter.before.createdKey, filter.before.id);
    where.push(`(n.created_at, n.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(filter.limit);
  const limit = `$${params.length}`;
  params.push(excerptMax);
  const columns = COLUMNS.replaceAll('$EXCERPT', `$${params.length}::int`);
  const visible = visibleFrom('LEFT JOIN comments c ON c.id = n.comment_id LEFT JOIN users a ON a.id = n.actor_user_id');
  const { rows } = await db.query<NotificationRow>(
    `SELECT ${columns} ${visible} ${where.map((w) => `AND ${w}`).join(' ')} ORDER BY n.created_at DESC, n.id DESC LIMIT ${limit}`,
    params,
  );
  return rows;
}

/** How many of the reader's notifications are unread (of one document when given). */
export async function unreadCount(db: Queryable, userId: string, documentId?: string): Promise<number> {
  const params: unknown[] = [userId];
  let only = '';
  if (documentId) {
    params.push(documentId);
    only = `AND n.document_id = $2::uuid`;
  }
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${VISIBLE} AND n.read_at IS NULL ${only}`, params);
  return rows[0].n;
}

/** Marks one of the reader's own notifications read; false when they have none with that id (or may not read it). */
export async function markRead(db: Queryable, userId: string, notificationId: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE notifications SET read_at = coalesce(read_at, now())
      WHERE id = $2::uuid AND id IN (SELECT n.id ${VISIBLE} AND n.id = $2::uuid) RETURNING id`,
    [userId, notificationId],
  );
  return rows.length > 0;
}

/** Marks every unread notification the reader may read (of one document when given) read; returns their ids. */
export async function markAllRead(db: Queryable, userId: string, documentId?: string): Promise<string[]> {
  const params: unknown[] = [userId];
  let only = '';
  if (documentId) {
    params.push(documentId);
    only = `AND n.document_id = $2::uuid`;
  }
  const { rows } = await db.query<{ id: string }>(
    `UPDATE notifications SET read_at = now() WHERE id IN (SELECT n.id ${VISIBLE} AND n.read_at IS NULL ${only}) RETURNING id`,
    params,
  );
  return rows.map((r) => r.id);
}

export interface NewNotification {
  documentId: string;
  kind: NotificationKind;
  source: string;
  clause: NotificationClause | null;
  threadId?: string;
  commentId?: string;
  actorUserId: string | null;
  details: Record<string, unknown>;
}

/**
 * Writes the notification for each recipient who has none for its source yet [N1]; returns who got
 * one. The recipients are checked here, in the same statement: members of the document now, with an
 * account in use, and (for a mention) allowed to read the thread [N3]; never the actor [N2].
 */
export async function insertForRecipients(
  db: Queryable,
  recipients: readonly string[],
  item: NewNotification,
): Promise<Array<{ id: string; user_id: string }>> {
  if (recipients.length === 0) return [];
  const { rows } = await db.query<{ id: string; user_id: string }>(
    `INSERT INTO notifications (user_id, document_id, kind, source, clause, thread_id, comment_id, actor_user_id, details)
     SELECT m.user_id, $2, $3, $4, $5::jsonb, $6::uuid, $7::uuid, $8::uuid, $9::jsonb
       FROM memberships m
       JOIN users u ON u.id = m.user_id AND u.disabled_at IS NULL
       LEFT JOIN comment_threads t ON t.id = $6::uuid
      WHERE m.document_id = $2 AND m.user_id = ANY ($1::uuid[]) AND m.user_id IS DISTINCT FROM $8::uuid
        AND ($6::uuid IS NULL OR (t.document_id = $2 AND ${threadVisibleToMember('t', 'm')}))
     ON CONFLICT (user_id, document_id, source) DO NOTHING
     RETURNING id, user_id`,
    [
      recipients,
      item.documentId,
      item.kind,
      item.source,
      item.clause === null ? null : JSON.stringify(item.clause),
      item.threadId ?? null,
      item.commentId ?? null,
      item.actorUserId,
      JSON.stringify(item.details),
    ],
  );
  return rows;
}

export async function markMailed(db: Queryable, notificationId: string): Promise<void> {
  await db.query('UPDATE notifications SET mailed_at = now() WHERE id = $1', [notificationId]);
}
