/**
 * Proposals and the phase of a negotiation (docs/api.md, "Proposals"): request schemas (strict) and the
 * shapes of the answers and socket.io events. The tracked changes themselves are in the Yjs text
 * (docs/document-model.md §3.1); these are what the server records about them.
 */
import { z } from 'zod';
import { DOCUMENT_PHASES } from '../policy';
import { PROPOSAL_ID_PATTERN } from '../schema';
import { languageCodeSchema } from '../languages';
import { storableText } from '../text-characters';
import { userRefSchema } from './approvals';

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_POSITIONS = ['supports', 'opposes', 'reserves'] as const;
export type ProposalPosition = (typeof PROPOSAL_POSITIONS)[number];
export const PROPOSAL_DECISIONS = ['accept', 'reject', 'withdraw'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

export const documentPhaseSchema = z.enum(DOCUMENT_PHASES);
export const proposalIdSchema = z.string().regex(PROPOSAL_ID_PATTERN, 'a proposal id: "p_" and 16 hex digits');

export const setPhaseBodySchema = z.object({ phase: documentPhaseSchema }).strict();
export type SetPhaseBody = z.infer<typeof setPhaseBodySchema>;
export const phaseAnswerSchema = z.object({ documentId: z.uuid(), phase: documentPhaseSchema }).meta({ id: 'DocumentPhase' });
export type PhaseAnswer = z.infer<typeof phaseAnswerSchema>;

export const proposalListQuerySchema = z
  .object({
    clause: z.string().min(1).max(64).optional().describe('only proposals in this clause (its id)'),
    sponsor: z.string().min(1).max(64).optional().describe('only proposals this Participant sponsors (id or code)'),
    status: z.enum(PROPOSAL_STATUSES).optional(),
  })
  .strict();
export type ProposalListQuery = z.infer<typeof proposalListQuerySchema>;

export const positionBodySchema = z
  .object({
    position: z.enum(PROPOSAL_POSITIONS),
    note: storableText(z.string().trim().max(2000)).optional().describe('why; expected with "reserves"'),
  })
  .strict();
export type PositionBody = z.infer<typeof positionBodySchema>;

export const explanationBodySchema = z.object({ explanation: storableText(z.string().trim().max(4000)) }).strict();
export type ExplanationBody = z.infer<typeof explanationBodySchema>;

export const proposalRunSchema = z.object({ type: z.enum(['insertion', 'deletion']), text: z.string() });
export type ProposalRunJSON = z.infer<typeof proposalRunSchema>;

export const proposalPositionSchema = z.object({
  participantId: z.uuid(),
  position: z.enum(PROPOSAL_POSITIONS),
  note: z.string().nullable(),
  by: userRefSchema,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ProposalPositionJSON = z.infer<typeof proposalPositionSchema>;

export const proposalSchema = z
  .object({
    id: proposalIdSchema,
    documentId: z.uuid(),
    clauseId: z.string(),
    sponsorParticipantId: z.uuid().nullable().describe('null: an id found in the text whose author the server never recorded'),
    cosponsorParticipantIds: z.array(z.uuid()),
    author: userRefSchema.nullable(),
    explanation: z.string().nullable(),
    status: z.enum(PROPOSAL_STATUSES),
    createdAt: z.iso.datetime({ offset: true }),
    decidedBy: userRefSchema.nullable(),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    changes: z
      .record(languageCodeSchema, z.array(proposalRunSchema))
      .describe('per language, what the proposal inserts and deletes: as the text holds it now while open, as decided after'),
    positions: z.array(proposalPositionSchema),
    threadCount: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe(
        'comment threads about the proposal (listed by GET /api/documents/:id/comments?proposalId=): the public ones, and the reader’s own delegation’s notes where the answer is read with a reader; another delegation’s internal notes never count',
      ),
  })
  .meta({ id: 'Proposal' });
export type ProposalJSON = z.infer<typeof proposalSchema>;

export const proposalListSchema = z.object({ proposals: z.array(proposalSchema) });
export const proposalAnswerSchema = z.object({ proposal: proposalSchema });

/** socket.io: a proposal was tabled, changed, positioned or decided (to every member of the document). */
export interface ProposalChangedEvent {
  documentId: string;
  proposal: ProposalJSON;
}
export interface PhaseChangedEvent {
  documentId: string;
  phase: (typeof DOCUMENT_PHASES)[number];
}
