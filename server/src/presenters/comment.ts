/**
 * Comment threads → the API's shapes (shared/src/api/comments.ts), field by field. Whether the reader
 * may see a thread at all was decided by the query that fetched it (comments/visibility.ts); this
 * whitelists what of it leaves the server: no email, no anchor bytes, no audience internals.
 */
import type { CommentThread, CommentView, PersonRef } from '../../../shared/src/api/comments';
import type { CommentRow, ThreadRow } from '../comments/comment-store';
import type { LiveThreadFacts } from '../comments/live-anchors';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const person = (id: string | null, displayName: string | null): PersonRef | null => (id ? { id, displayName: displayName ?? '' } : null);

export function presentComment(row: CommentRow, names: ReadonlyMap<string, string>): CommentView {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    threadId: row.thread_id,
    author: { id: row.author_id, displayName: row.author_name, participantId: row.author_participant_id },
    body: deleted ? null : row.body,
    mentions: deleted ? [] : row.mentions.filter((id) => names.has(id)).map((id) => ({ id, displayName: names.get(id)! })),
    createdAt: row.created_at.toISOString(),
    editedAt: iso(row.edited_at),
    deletedAt: iso(row.deleted_at),
  };
}

export function presentThread(row: ThreadRow, comments: readonly CommentRow[], names: ReadonlyMap<string, string>, live: LiveThreadFacts): CommentThread {
  return {
    id: row.id,
    documentId: row.document_id,
    clauseId: row.clause_id,
    proposalId: row.proposal_id,
    clauseDeleted: live.clauseDeleted,
    language: row.language,
    anchor: live.anchor,
    visibility: row.visibility,
    participantId: row.author_participant_id,
    author: { id: row.created_by, displayName: row.created_by_name, participantId: row.author_participant_id },
    status: row.resolved_at ? 'resolved' : 'open',
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    resolvedAt: iso(row.resolved_at),
    resolvedBy: person(row.resolved_by, row.resolved_by_name),
    reopenedAt: iso(row.reopened_at),
    reopenedBy: person(row.reopened_by, row.reopened_by_name),
    comments: comments.filter((c) => c.thread_id === row.id).map((c) => presentComment(c, names)),
  };
}
