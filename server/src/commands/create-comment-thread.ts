import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { recordAuditEvent } from '../audit/record-event';
import { authorize } from '../policies/authorize';
import { insertThread } from '../comments/comment-store';
import { LiveAnchors } from '../comments/live-anchors';
import { auditSubject, inDraftTransaction, prepareBody, publishThread, resolveMentions, type CommentActor } from '../comments/comment-actions';
import { anchorItemsKnown, encodeAnchorPosition, rangeText, resolveAnchor, truncateQuote } from '../../../shared/src/comment-anchors';
import { delegationOf, SECRETARIAT_DELEGATION, type ThreadAudience } from '../../../shared/src/comment-visibility';
import type { AnchorInput, CommentThread, CommentVisibility } from '../../../shared/src/api/comments';

export interface CreateCommentThreadInput {
  clauseId: string;
  /** The language the thread is about; required with an anchor. */
  language: string | null;
  anchor: AnchorInput | null;
  visibility: CommentVisibility;
  body: string;
}

/** How long to wait for the edits an anchor refers to (the author's client sends them over the collab socket). */
const ANCHOR_WAIT_MS = 3_000;

/**
 * Opens a thread on a clause — on a range of its text in one language when `anchor` is given. The
 * caller has authorized 'comment.create'. The quote is the server's own reading of the range in the
 * live text, not the client's; an internal thread belongs to the author's delegation [V3].
 */
export async function createCommentThread(ctx: AppContext, actor: CommentActor, input: CreateCommentThreadInput): Promise<CommentThread> {
  const { document, membership, subject } = actor.access;
  const body = prepareBody(input.body);
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

  const anchor = input.anchor;
  const { value: located } = await ctx.documents.read(
    document.id,
    (doc) => {
      const live = new LiveAnchors(doc);
      if (!live.hasClause(input.clauseId) || live.isDeleted(input.clauseId)) throw new AppError('clause_not_found');
      if (!anchor || input.language === null) return { quote: null };
      const rendered = live.fragment(input.clauseId, input.language);
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
      clauseId: input.clauseId,
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
    });
    await recordAuditEvent(client, {
      documentId: document.id,
      actorUserId: actor.user.id,
      action: 'comment.created',
      subject: auditSubject({ id, clause_id: input.clauseId, visibility: audience.visibility, delegation_participant_id: audience.delegationParticipantId }),
    });
    return id;
  });
  ctx.log.info({ documentId: document.id, threadId, clauseId: input.clauseId, visibility: audience.visibility }, 'comment thread opened');
  return publishThread(ctx, threadId, 'created', threadId);
}
