/**
 * The SQL of comment threads. Reads that serve a person take a ThreadReader and filter in the query
 * (visibility.ts); `threadsByIds` is for code that has already decided the thread may be shown
 * (a command presenting what it just changed, a broadcast addressed to the thread's own audience).
 */
import type { Queryable } from '../db/queryable';
import { threadVisibleTo, threadVisibleToMember, type ThreadReader } from './visibility';
import type { CommentVisibility } from '../../../shared/src/api/comments';

export interface ThreadRow {
  id: string;
  seq: string;
  document_id: string;
  clause_id: string;
  /** The proposal the thread is about (its clause is the proposal's), or null. */
  proposal_id: string | null;
  language: string | null;
  anchor_start: Buffer | null;
  anchor_end: Buffer | null;
  quote: string | null;
  visibility: CommentVisibility;
  delegation_participant_id: string | null;
  author_participant_id: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  last_activity_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  reopened_at: Date | null;
  reopened_by: string | null;
  reopened_by_name: string | null;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  author_participant_id: string | null;
  body: string | null;
  mentions: string[];
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

export interface ThreadFilters {
  clauseId?: string;
  proposalId?: string;
  status?: 'open' | 'resolved';
  language?: string;
  participantId?: string;
  /** Threads the reader started or replied to. */
  mine?: boolean;
  /** Threads with a comment that mentions the reader. */
  mentioningMe?: boolean;
  /** Only threads older than this `seq` (keyset pagination, newest first). */
  beforeSeq?: string;
  limit: number;
}

const THREAD_SELECT = `
  SELECT t.id, t.seq, t.document_id, t.clause_id, t.proposal_id, t.language, t.anchor_start, t.anchor_end, t.quote, t.visibility,
         t.delegation_participant_id, t.author_participant_id, t.created_by, cu.display_name AS created_by_name,
         t.created_at, t.last_activity_at, t.resolved_at, t.resolved_by, ru.display_name AS resolved_by_name,
         t.reopened_at, t.reopened_by, ou.display_name AS reopened_by_name
    FROM comment_threads t
    JOIN users cu ON cu.id = t.created_by
    LEFT JOIN users ru ON ru.id = t.resolved_by
    LEFT JOIN users ou ON ou.id = t.reopened_by`;

/** One page of the threads of a document the reader may read, newest first. */
export async function listVisibleThreads(db: Queryable, documentId: string, reader: ThreadReader, filters: ThreadFilters): Promise<ThreadRow[]> {
  const params: unknown[] = [documentId];
  const where = ['t.document_id = $1', threadVisibleTo(reader, params)];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filters.clauseId !== undefined) add((n) => `t.clause_id = ${n}`, filters.clauseId);
  if (filters.proposalId !== undefined) add((n) => `t.proposal_id = ${n}`, filters.proposalId);
  if (filters.status === 'open') where.push('t.resolved_at IS NULL');
  if (filters.status === 'resolved') where.push('t.resolved_at IS NOT NULL');
  if (filters.language !== undefined) add((n) => `t.language = ${n}`, filters.language);
  if (filters.participantId !== undefined) add((n) => `t.author_participant_id = ${n}::uuid`, filters.participantId);
  if (filters.mine) add((n) => `EXISTS (SELECT 1 FROM comments mc WHERE mc.thread_id = t.id AND mc.author_id = ${n}::uuid)`, reader.userId);
  if (filters.mentioningMe) {
    add((n) => `EXISTS (SELECT 1 FROM comments xc WHERE xc.thread_id = t.id AND xc.deleted_at IS NULL AND ${n}::uuid = ANY (xc.mentions))`, reader.userId);
  }
  if (filters.beforeSeq !== undefined) add((n) => `t.seq < ${n}::bigint`, filters.beforeSeq);
  params.push(filters.limit);
  const { rows } = await db.query<ThreadRow>(`${THREAD_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.seq DESC LIMIT $${params.length}`, params);
  return rows;
}

/** Open and resolved threads per clause, counting only what the reader may read. */
export async function countVisibleThreads(
  db: Queryable,
  documentId: string,
  reader: ThreadReader,
): Promise<Array<{ clause_id: string; open: number; resolved: number }>> {
  const params: unknown[] = [documentId];
  const visible = threadVisibleTo(reader, params);
  const { rows } = await db.query<{ clause_id: string; open: string; resolved: string }>(
    `SELECT t.clause_id, count(*) FILTER (WHERE t.resolved_at IS NULL) AS open, count(*) FILTER (WHERE t.resolved_at IS NOT NULL) AS resolved
       FROM comment_threads t WHERE t.document_id = $1 AND ${visible} GROUP BY t.clause_id ORDER BY t.clause_id`,
    params,
  );
  return rows.map((r) => ({ clause_id: r.clause_id, open: Number(r.open), resolved: Number(r.resolved) }));
}

/** Threads on these proposals the reader may read, per proposal (a proposal without any is absent). */
export async function countVisibleThreadsOfProposals(
  db: Queryable,
  documentId: string,
  proposalIds: readonly string[],
  reader: ThreadReader | null,
): Promise<Map<string, number>> {
  if (proposalIds.length === 0) return new Map();
  const params: unknown[] = [documentId, proposalIds];
  // No reader: what every member of the document may read (a payload sent to the document's room).
  const visible = reader ? threadVisibleTo(reader, params) : `(t.visibility = 'all')`;
  const { rows } = await db.query<{ proposal_id: string; count: string }>(
    `SELECT t.proposal_id, count(*) AS count FROM comment_threads t
      WHERE t.document_id = $1 AND t.proposal_id = ANY ($2::text[]) AND ${visible} GROUP BY t.proposal_id`,
    params,
  );
  return new Map(rows.map((r) => [r.proposal_id, Number(r.count)]));
}

/**
 * The document of a comment, when `userId` may read its thread there (their membership of that
 * document joined in the same query, [V1]–[V3]); null when there is no such comment for them.
 */
export async function documentOfVisibleComment(db: Queryable, commentId: string, userId: string): Promise<string | null> {
  const { rows } = await db.query<{ document_id: string }>(
    `SELECT t.document_id FROM comments c
       JOIN comment_threads t ON t.id = c.thread_id
       LEFT JOIN memberships m ON m.document_id = t.document_id AND m.user_id = $2
      WHERE c.id = $1 AND ${threadVisibleToMember('t', 'm')}`,
    [commentId, userId],
  );
  return rows[0]?.document_id ?? null;
}

/** The clause of a proposal of this document; null when the document has no such proposal. */
export async function clauseOfProposal(db: Queryable, documentId: string, proposalId: string): Promise<string | null> {
  const { rows } = await db.query<{ clause_id: string }>('SELECT clause_id FROM proposals WHERE document_id = $1 AND id = $2', [documentId, proposalId]);
  return rows[0]?.clause_id ?? null;
}

/**
 * The thread holding a comment, if the reader may read it; locked `FOR UPDATE` when `lock` (the
 * caller changes it in this transaction).
 */
export async function findVisibleThreadOfComment(
  db: Queryable,
  commentId: string,
  reader: ThreadReader,
  lock = false,
): Promise<{ thread: ThreadRow; comment: CommentRow } | null> {
  const params: unknown[] = [commentId];
  const visible = threadVisibleTo(reader, params);
  const { rows } = await db.query<ThreadRow>(
    `${THREAD_SELECT} WHERE t.id = (SELECT thread_id FROM comments WHERE id = $1) AND ${visible}${lock ? ' FOR UPDATE OF t' : ''}`,
    params,
  );
  const thread = rows[0];
  if (!thread) return null;
  const comments = await commentsOfThreads(db, [thread.id], lock);
  const comment = comments.find((c) => c.id === commentId);
  return comment ? { thread, comment } : null;
}

/** Threads by id, unfiltered: only for threads already known to be readable by whoever gets them. */
export async function threadsByIds(db: Queryable, ids: readonly string[]): Promise<ThreadRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ThreadRow>(`${THREAD_SELECT} WHERE t.id = ANY ($1::uuid[]) ORDER BY t.seq DESC`, [ids]);
  return rows;
}

/** Every comment of these threads: the first one, then replies in the order they were written. */
export async function commentsOfThreads(db: Queryable, threadIds: readonly string[], lock = false): Promise<CommentRow[]> {
  if (threadIds.length === 0) return [];
  const { rows } = await db.query<CommentRow>(
    `SELECT c.id, c.thread_id, c.author_id, u.display_name AS author_name, c.author_participant_id, c.body, c.mentions,
            c.created_at, c.edited_at, c.deleted_at
       FROM comments c JOIN users u ON u.id = c.author_id
      WHERE c.thread_id = ANY ($1::uuid[])
      ORDER BY c.thread_id, (c.id = c.thread_id) DESC, c.created_at, c.id${lock ? ' FOR UPDATE OF c' : ''}`,
    [threadIds],
  );
  return rows;
}

/** Display names of the users these comments mention. */
export async function mentionNames(db: Queryable, comments: readonly CommentRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(comments.flatMap((c) => c.mentions))];
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY ($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export interface NewThread {
  documentId: string;
  clauseId: string;
  proposalId: string | null;
  language: string | null;
  anchorStart: Uint8Array | null;
  anchorEnd: Uint8Array | null;
  quote: string | null;
  visibility: CommentVisibility;
  delegationParticipantId: string | null;
  authorParticipantId: string | null;
  authorId: string;
  body: string;
  mentions: string[];
  /** The id the author's client gave this comment (a repeat of the same request is the same comment). */
  requestId: string | null;
}

/** Inserts a thread and its first comment (same id). Returns the id. */
export async function insertThread(db: Queryable, t: NewThread): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO comment_threads (document_id, clause_id, proposal_id, language, anchor_start, anchor_end, quote, visibility,
                                  delegation_participant_id, author_participant_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      t.documentId,
      t.clauseId,
      t.proposalId,
      t.language,
      t.anchorStart && Buffer.from(t.anchorStart),
      t.anchorEnd && Buffer.from(t.anchorEnd),
      t.quote,
      t.visibility,
      t.delegationParticipantId,
      t.authorParticipantId,
      t.authorId,
    ],
  );
  const id = rows[0].id;
  await db.query(
    `INSERT INTO comments (id, thread_id, author_id, author_participant_id, body, mentions, request_id) VALUES ($1, $1, $2, $3, $4, $5::uuid[], $6)`,
    [id, t.authorId, t.authorParticipantId, t.body, t.mentions, t.requestId],
  );
  return id;
}

export async function insertReply(
  db: Queryable,
  threadId: string,
  reply: { authorId: string; authorParticipantId: string | null; body: string; mentions: string[]; requestId: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO comments (thread_id, author_id, author_participant_id, body, mentions, request_id) VALUES ($1, $2, $3, $4, $5::uuid[], $6) RETURNING id`,
    [threadId, reply.authorId, reply.authorParticipantId, reply.body, reply.mentions, reply.requestId],
  );
  await touchThread(db, threadId);
  return rows[0].id;
}

export async function updateCommentBody(db: Queryable, commentId: string, body: string, mentions: string[]): Promise<void> {
  await db.query('UPDATE comments SET body = $2, mentions = $3::uuid[], edited_at = now() WHERE id = $1', [commentId, body, mentions]);
}

/** Leaves the marker: the row stays, its body and mentions go. */
export async function markCommentDeleted(db: Queryable, commentId: string, userId: string): Promise<void> {
  await db.query(`UPDATE comments SET body = NULL, mentions = '{}', deleted_at = now(), deleted_by = $2 WHERE id = $1`, [commentId, userId]);
}

export async function setThreadResolved(db: Queryable, threadId: string, userId: string, resolved: boolean): Promise<void> {
  await db.query(
    resolved
      ? 'UPDATE comment_threads SET resolved_at = now(), resolved_by = $2, last_activity_at = now() WHERE id = $1'
      : 'UPDATE comment_threads SET resolved_at = NULL, resolved_by = NULL, reopened_at = now(), reopened_by = $2, last_activity_at = now() WHERE id = $1',
    [threadId, userId],
  );
}

export async function touchThread(db: Queryable, threadId: string): Promise<void> {
  await db.query('UPDATE comment_threads SET last_activity_at = now() WHERE id = $1', [threadId]);
}

/** The document's status, locked against a concurrent freeze until the transaction ends. */
export async function lockDocumentForComment(db: Queryable, documentId: string): Promise<string | null> {
  const { rows } = await db.query<{ status: string }>('SELECT status FROM documents WHERE id = $1 FOR SHARE', [documentId]);
  return rows[0]?.status ?? null;
}

/** The comment an author posted with this request id, if any: where it is. */
export async function findRequestedComment(
  db: Queryable,
  authorId: string,
  requestId: string,
): Promise<{ commentId: string; threadId: string; documentId: string } | null> {
  const { rows } = await db.query<{ comment_id: string; thread_id: string; document_id: string }>(
    `SELECT c.id AS comment_id, c.thread_id, t.document_id
       FROM comments c JOIN comment_threads t ON t.id = c.thread_id
      WHERE c.author_id = $1 AND c.request_id = $2`,
    [authorId, requestId],
  );
  const row = rows[0];
  return row ? { commentId: row.comment_id, threadId: row.thread_id, documentId: row.document_id } : null;
}
