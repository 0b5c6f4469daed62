/**
 * The comment API's shapes, shared by the server (presenters, route schemas, OpenAPI) and the client.
 * Thread and comment objects are the same for every reader who may see them, so one socket.io event
 * can carry them to a whole room; what a reader may do with them is decided from their membership.
 */
import { z } from 'zod';
import { PROPOSAL_ID_PATTERN } from '../schema';

/** At most this many characters (Unicode code points, as PostgreSQL's char_length counts) in a body. */
export const COMMENT_BODY_MAX = 10_000;
/** The quoted text kept with an anchor is cut at this many characters (with "…"). */
export const COMMENT_QUOTE_MAX = 2_000;
export const COMMENT_PAGE_MAX = 100;

export const COMMENT_VISIBILITIES = ['all', 'delegation'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const COMMENT_CHANGES = ['created', 'replied', 'edited', 'deleted', 'resolved', 'reopened'] as const;
export type CommentChange = (typeof COMMENT_CHANGES)[number];

/** Yjs ids are two unsigned integers below 2^53. */
const yId = z
  .object({
    client: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    clock: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();

/** `Y.relativePositionToJSON(relativePosition)`: what the client computes and the server stores (encoded). */
export const relativePositionSchema = z
  .object({
    type: yId.optional(),
    tname: z.string().max(100).optional(),
    item: yId.optional(),
    assoc: z.number().int().min(-1).max(1).optional(),
  })
  .strict()
  .meta({ id: 'RelativePosition' });
export type RelativePositionJSON = z.infer<typeof relativePositionSchema>;

export const anchorInputSchema = z
  .object({
    start: relativePositionSchema,
    end: relativePositionSchema,
  })
  .strict()
  .describe('the commented range in the clause text of `language`, as two Yjs relative positions');
export type AnchorInput = z.infer<typeof anchorInputSchema>;

/** Whether the anchored words are still there, as the server's copy of the document says. */
export const ANCHOR_STATES = ['present', 'removed', 'unknown'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

export const anchorSchema = z
  .object({
    start: relativePositionSchema,
    end: relativePositionSchema,
    quote: z.string().describe('the text the range covered when the thread was opened'),
    state: z.enum(ANCHOR_STATES).describe('`removed`: every word of the range was deleted; the quote is all that is left'),
    text: z.string().nullable().describe('the text the range covers now (null unless present)'),
  })
  .strict()
  .meta({ id: 'CommentAnchor' });
export type CommentAnchor = z.infer<typeof anchorSchema>;

export const personRefSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
  })
  .strict()
  .meta({ id: 'PersonRef' });
export type PersonRef = z.infer<typeof personRefSchema>;

export const commentAuthorSchema = personRefSchema
  .extend({
    participantId: z.uuid().nullable().describe('the Participant they wrote for (null: the secretariat, or none)'),
  })
  .strict()
  .meta({ id: 'CommentAuthor' });
export type CommentAuthor = z.infer<typeof commentAuthorSchema>;

export const commentSchema = z
  .object({
    id: z.uuid(),
    threadId: z.uuid(),
    author: commentAuthorSchema,
    body: z.string().nullable().describe('plain text with line breaks; null once deleted'),
    mentions: z.array(personRefSchema),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    deletedAt: z.iso.datetime().nullable(),
  })
  .strict()
  .meta({ id: 'Comment' });
export type CommentView = z.infer<typeof commentSchema>;

export const threadSchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    clauseId: z.string(),
    // Optional in the shape only so that threads built before proposals had threads still type; the server always sends it.
    proposalId: z
      .string()
      .regex(PROPOSAL_ID_PATTERN)
      .nullable()
      .optional()
      .describe('the proposal the thread is about (its clause is the proposal’s); null: a thread on the clause'),
    clauseDeleted: z.boolean().describe('the clause was removed from the document; the thread stays readable'),
    language: z.string().nullable(),
    anchor: anchorSchema.nullable(),
    visibility: z.enum(COMMENT_VISIBILITIES),
    participantId: z.uuid().nullable().describe("the author's Participant when the thread was opened"),
    author: commentAuthorSchema,
    status: z.enum(['open', 'resolved']),
    createdAt: z.iso.datetime(),
    lastActivityAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
    resolvedBy: personRefSchema.nullable(),
    reopenedAt: z.iso.datetime().nullable(),
    reopenedBy: personRefSchema.nullable(),
    comments: z.array(commentSchema).describe('the first comment, then the replies in order'),
  })
  .strict()
  .meta({ id: 'CommentThread' });
export type CommentThread = z.infer<typeof threadSchema>;

export const threadListSchema = z
  .object({
    threads: z.array(threadSchema),
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last one'),
  })
  .strict();
export type CommentThreadList = z.infer<typeof threadListSchema>;

export const threadCountsSchema = z
  .object({
    clauses: z.record(z.string(), z.object({ open: z.number().int(), resolved: z.number().int() }).strict()),
  })
  .strict();
export type CommentThreadCounts = z.infer<typeof threadCountsSchema>;

/** socket.io `comment:thread`: a thread as it is after one change, sent to the rooms that may read it. */
export interface CommentThreadChangedEvent {
  documentId: string;
  change: CommentChange;
  /** The comment the change concerns (the new reply, the edited or deleted comment); null for resolve/reopen. */
  commentId: string | null;
  thread: CommentThread;
}

/** Line breaks as "\n", no surrounding blank space. What is stored and counted. */
export function normalizeCommentBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}

/** Characters as people and PostgreSQL count them: code points, not UTF-16 units. */
export function commentLength(body: string): number {
  let count = 0;
  for (const _ of body) count += 1;
  return count;
}
