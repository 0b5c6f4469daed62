import { z } from 'zod';
import { CLAUSE_ID_PATTERN } from '../../../../shared/src/yjs-layout';
import { LANGUAGE_CODE_PATTERN } from '../../../../shared/src/languages';
import { anchorInputSchema, COMMENT_PAGE_MAX, COMMENT_VISIBILITIES } from '../../../../shared/src/api/comments';
import { proposalIdSchema } from '../../../../shared/src/api/proposals';
import { AppError } from '../../http/errors';

export const commentParams = z.object({ commentId: z.uuid() }).strict();

const clauseId = z.string().regex(CLAUSE_ID_PATTERN, 'a clause id (1 to 64 letters, digits, "_" or "-")');
const language = z.string().regex(LANGUAGE_CODE_PATTERN, 'a language code, e.g. "en"');
/**
 * The length limit (10,000 characters) is checked by the command, which answers `comment_too_long`
 * with both numbers; this bound only keeps absurd input out (4 UTF-16 units per character at most).
 */
const body = z
  .string()
  .max(40_000, 'a comment can have at most 10,000 characters')
  .describe('plain text with line breaks; at most 10,000 characters; "@" + a member’s name or email mentions them');

export const commentBody = z.object({ body }).strict();

const requestId = z
  .uuid()
  .optional()
  .describe('an id the client gives the comment it posts: the same id sent again by the same author is the same comment (a lost answer never posts twice)');

export const replyBody = z.object({ body, requestId }).strict();

export const newThreadBody = z
  .object({
    clauseId: clauseId.optional().describe('the clause; may be left out with `proposalId` (the thread is then on the proposal’s clause)'),
    proposalId: proposalIdSchema.optional().describe('a proposal of this document the thread is about'),
    language: language.nullable().optional().describe('the language the thread is about; required with `anchor`'),
    anchor: anchorInputSchema.nullable().optional(),
    visibility: z.enum(COMMENT_VISIBILITIES).default('all'),
    body,
    requestId,
  })
  .strict()
  .refine((input) => input.clauseId !== undefined || input.proposalId !== undefined, { path: ['clauseId'], message: 'a clause id, or a proposal id' });

export const listQuery = z
  .object({
    clauseId: clauseId.optional(),
    proposalId: proposalIdSchema.optional().describe('threads about this proposal'),
    status: z.enum(['open', 'resolved']).optional(),
    language: language.optional(),
    participantId: z.uuid().optional().describe('threads opened by a member of this Participant'),
    mine: z.enum(['true', 'false']).optional().describe('threads I opened or replied to'),
    mentioning: z.literal('me').optional().describe('threads with a comment that mentions me'),
    cursor: z
      .string()
      .regex(/^[0-9A-Za-z_-]{1,40}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(COMMENT_PAGE_MAX).optional(),
  })
  .strict();

/** Cursors are opaque to clients: the `seq` of the last thread of the page, in base64url. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`s${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^s\d{1,19}$/.test(text)) throw new AppError('validation_failed', { field: 'cursor', reason: 'not a cursor this API gave out' });
  return text.slice(1);
}
