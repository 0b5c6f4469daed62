import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type DocumentRouteAccess, type RouteRegistry } from '../../http/api-router';
import type { DocumentAccess } from '../../policies/document-access';
import type { AccessPoint } from '../../policies/authorize';
import { countVisibleThreads, documentOfVisibleComment, listVisibleThreads } from '../../comments/comment-store';
import { presentThreads, readerOf, type CommentActor } from '../../comments/comment-actions';
import { createCommentThread } from '../../commands/create-comment-thread';
import { replyToCommentThread } from '../../commands/reply-to-comment-thread';
import { editComment } from '../../commands/edit-comment';
import { deleteComment } from '../../commands/delete-comment';
import { resolveCommentThread } from '../../commands/resolve-comment-thread';
import { threadCountsSchema, threadListSchema, threadSchema, type CommentThreadCounts } from '../../../../shared/src/api/comments';
import { commentBody, commentParams, decodeCursor, encodeCursor, listQuery, newThreadBody, replyBody } from './schemas';
import { documentParams } from '../schemas';

const one = z.object({ thread: threadSchema }).strict();
const WRITE_ERRORS = ['comment_too_long', 'document_frozen'] as const;

/**
 * Comment threads on clauses (docs/api.md, "Comments"). Document routes go through the policy like
 * every other; `/comments/:commentId` routes find the comment's document first, then check the same
 * way — and a comment in a thread the caller may not read does not exist for them (404).
 */
export function commentsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  /**
   * `/comments/:commentId` routes: commenting on the comment's document, found only when its thread is
   * one the caller may read — one query, with their membership joined; the pipeline then loads the
   * access once and the command the thread once.
   */
  const byComment = {
    kind: 'document',
    action: 'comment.create',
    // The path parameters were parsed (a uuid) before the pipeline locates.
    locate: ({ params }, user) => documentOfVisibleComment(ctx.pool, params.commentId, user.id),
  } as const satisfies DocumentRouteAccess;

  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents/:documentId/comments',
      tag: 'comments',
      summary: 'The comment threads I may read, newest first',
      description: 'Internal threads of other delegations are never listed. Filters combine; pages are cut by `cursor`.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      query: listQuery,
      response: threadListSchema,
      handler: async ({ access, query, session, where }) => {
        const actor = actorOf(access, session.user, where);
        const limit = query.limit ?? 50;
        const rows = await listVisibleThreads(ctx.pool, access.document.id, readerOf(actor), {
          clauseId: query.clauseId,
          proposalId: query.proposalId,
          status: query.status,
          language: query.language,
          participantId: query.participantId,
          mine: query.mine === 'true',
          mentioningMe: query.mentioning === 'me',
          beforeSeq: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
          limit: limit + 1,
        });
        const page = rows.slice(0, limit);
        return {
          threads: await presentThreads(ctx, access.document.id, page),
          nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].seq) : null,
        };
      },
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/comments/counts',
      tag: 'comments',
      summary: 'Open and resolved threads per clause (those I may read)',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: threadCountsSchema,
      handler: async ({ access, session, where }): Promise<CommentThreadCounts> => {
        const actor = actorOf(access, session.user, where);
        const rows = await countVisibleThreads(ctx.pool, access.document.id, readerOf(actor));
        return { clauses: Object.fromEntries(rows.map((r) => [r.clause_id, { open: r.open, resolved: r.resolved }])) };
      },
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/comments',
      tag: 'comments',
      summary: 'Open a thread on a clause, on a range of its text, or about one of its proposals',
      description:
        '`visibility: "delegation"` makes an internal note of the author’s own delegation (their Participant, or the secretariat). ' +
        'With `proposalId` the thread is about that proposal (open or decided) and on its clause; 404 proposal_not_found when the document has no such proposal.',
      access: { kind: 'document', action: 'comment.create' },
      params: documentParams,
      body: newThreadBody,
      status: 201,
      response: one,
      errors: [...WRITE_ERRORS, 'clause_not_found', 'proposal_not_found', 'anchor_invalid', 'no_delegation', 'comment_request_reused'],
      handler: async ({ access, body, session, where }) => {
        const actor = actorOf(access, session.user, where);
        return {
          thread: await createCommentThread(ctx, actor, {
            clauseId: body.clauseId ?? null,
            proposalId: body.proposalId ?? null,
            language: body.language ?? null,
            anchor: body.anchor ?? null,
            visibility: body.visibility,
            body: body.body,
            requestId: body.requestId ?? null,
          }),
        };
      },
    })
    .add({
      method: 'patch',
      path: '/comments/:commentId',
      tag: 'comments',
      summary: 'Edit my comment',
      access: byComment,
      params: commentParams,
      body: commentBody,
      response: one,
      errors: [...WRITE_ERRORS, 'comment_not_author', 'comment_deleted'],
      handler: async (call) => ({ thread: await editComment(ctx, actorOf(call.access, call.session.user, call.where), call.params.commentId, call.body.body) }),
    })
    .add({
      method: 'delete',
      path: '/comments/:commentId',
      tag: 'comments',
      summary: 'Delete my comment (a marker stays in the thread)',
      access: byComment,
      params: commentParams,
      response: one,
      errors: ['document_frozen', 'comment_not_author', 'comment_deleted'],
      handler: async (call) => ({ thread: await deleteComment(ctx, actorOf(call.access, call.session.user, call.where), call.params.commentId) }),
    })
    .add({
      method: 'post',
      path: '/comments/:commentId/replies',
      tag: 'comments',
      summary: 'Reply in the thread of this comment',
      access: byComment,
      params: commentParams,
      body: replyBody,
      status: 201,
      response: one,
      errors: [...WRITE_ERRORS, 'comment_request_reused'],
      handler: async (call) => ({
        thread: await replyToCommentThread(
          ctx,
          actorOf(call.access, call.session.user, call.where),
          call.params.commentId,
          call.body.body,
          call.body.requestId ?? null,
        ),
      }),
    })
    .add({
      method: 'post',
      path: '/comments/:commentId/resolve',
      tag: 'comments',
      summary: 'Resolve the thread of this comment',
      access: byComment,
      params: commentParams,
      body: z.object({}).strict(),
      response: one,
      errors: ['document_frozen'],
      handler: async (call) => ({ thread: await resolveCommentThread(ctx, actorOf(call.access, call.session.user, call.where), call.params.commentId, true) }),
    })
    .add({
      method: 'post',
      path: '/comments/:commentId/reopen',
      tag: 'comments',
      summary: 'Reopen the resolved thread of this comment',
      access: byComment,
      params: commentParams,
      body: z.object({}).strict(),
      response: one,
      errors: ['document_frozen'],
      handler: async (call) => ({ thread: await resolveCommentThread(ctx, actorOf(call.access, call.session.user, call.where), call.params.commentId, false) }),
    });
}

function actorOf(access: DocumentAccess, user: { id: string; displayName: string }, where: AccessPoint): CommentActor {
  return { user: { id: user.id, displayName: user.displayName }, access, where };
}
