/**
 * What every comment command does around its transaction: find the thread the way its reader may see
 * it, authorize, check the body, resolve mentions, hold off a concurrent freeze, and tell the rooms
 * that may read the thread once the change is committed.
 *
 * Anything that reads through the pool (authorization records a denial, members, the live document)
 * happens outside the transaction: the embedded database has one connection.
 */
import type pg from 'pg';
import type * as Y from 'yjs';
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { AppError } from '../http/errors';
import { authorize, type AccessPoint } from '../policies/authorize';
import type { DocumentAccess } from '../policies/document-access';
import { listMembers } from '../commands/memberships';
import { presentThread } from '../presenters/comment';
import { canReadThread, audienceKey, type ThreadAudience } from '../../../shared/src/comment-visibility';
import { COMMENT_BODY_MAX, commentLength, normalizeCommentBody, type CommentChange, type CommentThread } from '../../../shared/src/api/comments';
import { mentionedUserIds } from '../../../shared/src/mentions';
import {
  commentsOfThreads,
  findVisibleThreadOfComment,
  lockDocumentForComment,
  mentionNames,
  threadsByIds,
  type CommentRow,
  type ThreadRow,
} from './comment-store';
import { threadReader, type ThreadReader } from './visibility';
import { LiveAnchors } from './live-anchors';

/** Who acts: their account and what they are to the document (from the route's access check). */
export interface CommentActor {
  user: { id: string; displayName: string };
  access: DocumentAccess;
  where: AccessPoint;
}

export function readerOf(actor: CommentActor): ThreadReader {
  const m = actor.access.membership;
  return threadReader(actor.user.id, m && { role: m.role, participantId: m.participant_id });
}

export function audienceOf(thread: Pick<ThreadRow, 'visibility' | 'delegation_participant_id'>): ThreadAudience {
  return { visibility: thread.visibility, delegationParticipantId: thread.delegation_participant_id };
}

/** The thread of a comment as the actor may see it; not_found when it does not exist for them. */
export async function requireVisibleThread(ctx: AppContext, actor: CommentActor, commentId: string): Promise<{ thread: ThreadRow; comment: CommentRow }> {
  const found = await findVisibleThreadOfComment(ctx.pool, commentId, readerOf(actor));
  if (!found || found.thread.document_id !== actor.access.document.id) throw new AppError('not_found');
  return found;
}

/**
 * Commenting on this thread (replying, resolving, editing): the route has authorized 'comment.create';
 * an internal thread also needs 'comment.create_internal' for its delegation, known once the thread is.
 */
export async function authorizeCommentWrite(ctx: AppContext, actor: CommentActor, thread: ThreadRow): Promise<void> {
  const { subject, document } = actor.access;
  if (thread.visibility === 'delegation') {
    await authorize(ctx, subject, 'comment.create_internal', { documentStatus: document.status, participantId: thread.delegation_participant_id }, actor.where);
  }
}

/** The body as stored: line breaks normalised, trimmed, at most COMMENT_BODY_MAX characters. */
export function prepareBody(raw: string): string {
  const body = normalizeCommentBody(raw);
  if (body.length === 0) throw new AppError('validation_failed', { field: 'body', reason: 'a comment cannot be empty' });
  if (body.includes('\u0000')) throw new AppError('validation_failed', { field: 'body', reason: 'NUL characters are not allowed' });
  const length = commentLength(body);
  if (length > COMMENT_BODY_MAX) throw new AppError('comment_too_long', { max: COMMENT_BODY_MAX, length });
  return body;
}

/** The members a body mentions, among those who may read the thread (an internal note mentions no outsider). */
export async function resolveMentions(ctx: AppContext, documentId: string, audience: ThreadAudience, body: string): Promise<string[]> {
  if (!body.includes('@')) return [];
  const members = (await listMembers(ctx, documentId)).filter((m) => canReadThread({ role: m.role, participantId: m.participant_id }, audience));
  return mentionedUserIds(
    body,
    members.map((m) => ({ userId: m.user_id, displayName: m.display_name, email: m.email })),
  );
}

/** Runs `fn` in one transaction while the document is a draft (a concurrent freeze waits for it, or wins first). */
export async function inDraftTransaction<T>(ctx: AppContext, documentId: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(ctx.pool, async (client) => {
    const status = await lockDocumentForComment(client, documentId);
    if (status === null) throw new AppError('not_found');
    if (status !== 'draft') throw new AppError('document_frozen');
    return fn(client);
  });
}

/** Presents threads (rows already filtered for their reader) with their comments and what the live text says. */
export async function presentThreads(ctx: AppContext, documentId: string, rows: readonly ThreadRow[]): Promise<CommentThread[]> {
  if (rows.length === 0) return [];
  const comments = await commentsOfThreads(
    ctx.pool,
    rows.map((r) => r.id),
  );
  const names = await mentionNames(ctx.pool, comments);
  const byThread = new Map<string, CommentRow[]>();
  for (const c of comments) {
    const list = byThread.get(c.thread_id) ?? [];
    list.push(c);
    byThread.set(c.thread_id, list);
  }
  const present = (doc: Y.Doc | null) => {
    const live = new LiveAnchors(doc);
    return rows.map((row) => presentThread(row, byThread.get(row.id) ?? [], names, live.facts(row)));
  };
  // Text that cannot be read now leaves the anchors unknown rather than failing a list of comments.
  return ctx.documents.read(documentId, present).then(
    ({ value }) => value,
    (err: unknown) => {
      ctx.log.warn({ err, documentId }, 'comments: the live document could not be read; anchors reported as unknown');
      return present(null);
    },
  );
}

/**
 * After a committed change: presents the thread and publishes it to the rooms that may read it
 * (realtime/comment-broadcasts.ts). Returns what the actor gets back.
 */
export async function publishThread(ctx: AppContext, threadId: string, change: CommentChange, commentId: string | null): Promise<CommentThread> {
  const [row] = await threadsByIds(ctx.pool, [threadId]);
  if (!row) throw new AppError('not_found');
  const [thread] = await presentThreads(ctx, row.document_id, [row]);
  ctx.events.emit('comment.thread_changed', { documentId: row.document_id, change, commentId, thread, audience: audienceKey(audienceOf(row)) });
  return thread;
}

/** The audit subject of a comment action: where, and for whom — never the body. */
export function auditSubject(
  thread: Pick<ThreadRow, 'id' | 'clause_id' | 'proposal_id' | 'visibility' | 'delegation_participant_id'>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const about = thread.proposal_id === null ? {} : { proposalId: thread.proposal_id };
  return { threadId: thread.id, clauseId: thread.clause_id, ...about, visibility: thread.visibility, audience: audienceKey(audienceOf(thread)), ...extra };
}
