import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { recordAuditEvent } from '../audit/record-event';
import { authorize } from '../policies/authorize';
import { clauseOfProposal, insertThread } from '../comments/comment-store';
import { LiveAnchors } from '../comments/live-anchors';
import { alreadyPosted, isRepeatedRequest } from '../comments/comment-requests';
import { auditSubject, inDraftTransaction, prepareBody, publishThread, resolveMentions, type CommentActor } from '../comments/comment-actions';
import { anchorItemsKnown, encodeAnchorPosition, rangeText, resolveAnchor, truncateQuote } from '../../../shared/src/comment-anchors';
import { delegationOf, SECRETARIAT_DELEGATION, type ThreadAudience } from '../../../shared/src/comment-visibility';
import type { AnchorInput, CommentThread, CommentVisibility } from '../../../shared/src/api/comments';

export interface CreateCommentThreadInput {
  /** The clause; with `proposalId` it may be left out, and must otherwise be the proposal's. */
  clauseId: string | null;
  /** A proposal of the document the thread is about: the thread is then on the proposal's clause. */
  proposalId: string | null;
  /** The language the thread is about; required with an anchor. */
  language: string | null;
  anchor: AnchorInput | null;
  visibility: CommentVisibility;
  body: string;
  /** The id the author's client gave this comment: sent again, it is the same comment (comment-requests.ts). */
  requestId: string | null;
}

/** How long to wait for the edits an anchor refers to (the author's client sends them over the collab socket). */
const ANCHOR_WAIT_MS = 3_000;

/**
 * Opens a thread on a clause — on a range of its text in one language when `anchor` is given, about
 * one of its proposals when `proposalId` is (open or decided: a decided proposal keeps its discussion).
 * The caller has authorized 'comment.create'. The quote is the server's own reading of the range in the
 * live text, not the client's; an internal thread belongs to the author's delegation [V3].
 */
export async function createCommentThread(ctx: AppContext, actor: CommentActor, input: CreateCommentThreadInput): Promise<CommentThread> {
  const { document, membership, subject } = actor.access;
  const body = prepareBody(input.body);
  const posted = await alreadyPosted(ctx, actor, input.requestId, { kind: 'thread', documentId: document.id });
  if (posted) return posted;
  if (input.anchor && input.language === null) throw new AppError('validation_failed', { field: 'language', reason: 'a range of text needs its language' });
  if (input.language !== null && !document.languages.includes(input.language)) {
    throw new AppError('validation_failed', { field: 'language', reason: `not a language of this document (${document.languages.join(', ')})` });
  }

  let audience: ThreadAudience = { visibility: 'all', delegationParticipantId: null };
  if (input.visibility === 'delegation') {
    const delegation = delegationOf(membership && { role: membership.role, participantId: membership.participant_id });
    if (delegation === null) throw new AppError('no_delegation');
    const delegationParticipantId = delegation === SECRETARIAT_DELEGATION ? null : delegation;
    await authorize(ctx, subject, 'comment.create_internal', { documentStatus: document.status, participantId: delegationParticipantId }, actor.where);
    audience = { visibility: 'delegation', delegationParticipantId };
  }

  const clauseId = await clauseOfThread(ctx, document.id, input);
  const anchor = input.anchor;
  const { value: located } = await ctx.documents.read(
    document.id,
    (doc) => {
      const live = new LiveAnchors(doc);
      if (!live.hasClause(clauseId) || live.isDeleted(clauseId)) throw new AppError('clause_not_found');
      if (!anchor || input.language === null) return { quote: null };
      const rendered = live.fragment(clauseId, input.language);
      const range = rendered && resolveAnchor(doc, rendered, anchor);
      const quote = range && rendered ? rangeText(rendered.doc, range.from, range.to) : '';
      if (quote.trim() === '') throw new AppError('anchor_invalid');
      return { quote: truncateQuote(quote) };
    },
    { until: anchor ? (doc) => anchorItemsKnown(doc, anchor) : undefined, timeoutMs: anchor ? ANCHOR_WAIT_MS : 0 },
  );

  const mentions = await resolveMentions(ctx, document.id, audience, body);
  const threadId = await inDraftTransaction(ctx, document.id, async (client) => {
    const id = await insertThread(client, {
      documentId: document.id,
      clauseId,
      proposalId: input.proposalId,
      language: input.language,
      anchorStart: anchor ? encodeAnchorPosition(anchor.start) : null,
      anchorEnd: anchor ? encodeAnchorPosition(anchor.end) : null,
      quote: located.quote,
      visibility: audience.visibility,
      delegationParticipantId: audience.delegationParticipantId,
      authorParticipantId: membership?.participant_id ?? null,
      authorId: actor.user.id,
      body,
      mentions,
      requestId: input.requestId,
    });
    await recordAuditEvent(client, {
      documentId: document.id,
      actorUserId: actor.user.id,
      action: 'comment.created',
      subject: auditSubject({
        id,
        clause_id: clauseId,
        proposal_id: input.proposalId,
        visibility: audience.visibility,
        delegation_participant_id: audience.delegationParticipantId,
      }),
    });
    return id;
  }).catch(async (err: unknown) => {
    // The same request, sent twice at once: the other copy posted it.
    if (!isRepeatedRequest(err)) throw err;
    return null;
  });
  if (threadId === null) return (await alreadyPosted(ctx, actor, input.requestId, { kind: 'thread', documentId: document.id }))!;
  ctx.log.info({ documentId: document.id, threadId, clauseId, proposalId: input.proposalId, visibility: audience.visibility }, 'comment thread opened');
  return publishThread(ctx, threadId, 'created', threadId);
}

/** The clause the thread is on: the one named, or the proposal's (looked up in this document only). */
async function clauseOfThread(ctx: AppContext, documentId: string, input: CreateCommentThreadInput): Promise<string> {
  if (input.proposalId === null) {
    if (input.clauseId === null) throw new AppError('validation_failed', { field: 'clauseId', reason: 'a clause id, or a proposal id' });
    return input.clauseId;
  }
  const clauseId = await clauseOfProposal(ctx.pool, documentId, input.proposalId);
  if (clauseId === null) throw new AppError('proposal_not_found');
  if (input.clauseId !== null && input.clauseId !== clauseId) {
    throw new AppError('validation_failed', { field: 'clauseId', reason: 'not the clause of the proposal (leave it out)' });
  }
  return clauseId;
}
