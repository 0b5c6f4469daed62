/** Negotiations: listing, reading, creating, duplicating, archiving (docs/api.md, "Documents", "Lifecycle"). */
import { z } from 'zod';
import { ACTIONS, DOCUMENT_STATUSES, type Action } from '../policy';
import { languageListSchema } from '../languages';
import { CLAUSE_ID_PATTERN } from '../yjs-layout';
import { colorInput, emailInput, isoTime, localizedInput, localizedSchema, participantCodeInput, roleSchema } from './common';
import { participantSchema } from './participants';
import { documentPhaseSchema } from './proposals';

export const documentStatusSchema = z.enum(DOCUMENT_STATUSES);

export const documentSchema = z
  .object({
    id: z.uuid(),
    title: localizedSchema,
    languages: z.array(z.string()),
    status: documentStatusSchema,
    phase: documentPhaseSchema,
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Document' });
export type DocumentJSON = z.infer<typeof documentSchema>;

const count = z.int().min(0);

export const documentProgressSchema = z
  .object({
    approvedClauses: count.describe('visible clauses every Participant has approved as they stand now (none without Participants)'),
    totalClauses: count.describe('visible clauses of the text now'),
    openThreads: count.describe('open comment threads I may read (internal notes of other delegations are not counted)'),
  })
  .meta({ id: 'DocumentProgress' });
export type DocumentProgress = z.infer<typeof documentProgressSchema>;

export const sinceLastVisitSchema = z
  .object({
    visitedAt: isoTime.describe('when I last opened the negotiation'),
    editors: count.describe('people other than me who edited the text since'),
    comments: count.describe('comments and replies by others since, among the threads I may read'),
    mentions: count.describe('of those, the ones that mention me'),
    approvals: count.describe('approvals given or revoked by others since'),
    proposals: count.describe('proposals tabled, decided or withdrawn, and positions stated, by others since'),
    versions: count.describe('versions named or the freeze, by others since'),
  })
  .meta({ id: 'SinceLastVisit' });
export type SinceLastVisit = z.infer<typeof sinceLastVisitSchema>;

export const documentSummarySchema = documentSchema
  .omit({ createdAt: true })
  .extend({
    myRole: roleSchema.nullable(),
    myParticipantId: z.uuid().nullable(),
    progress: documentProgressSchema,
    sinceLastVisit: sinceLastVisitSchema.nullable().describe('what others did since I last opened it; null when I never did'),
  })
  .meta({ id: 'DocumentSummary' })
  .describe('updatedAt: the last change of the text or of its approvals, proposals and versions');
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export const documentListSchema = z.object({ documents: z.array(documentSummarySchema) });

export const myAccessSchema = z
  .object({
    role: roleSchema.nullable(),
    participantId: z.uuid().nullable(),
    permissions: z.array(z.enum(ACTIONS as [Action, ...Action[]])),
  })
  .meta({ id: 'MyAccess' });
export type MyAccess = z.infer<typeof myAccessSchema>;

export const documentDetailSchema = z.object({ document: documentSchema, participants: z.array(participantSchema), me: myAccessSchema });
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

export const visitAnswerSchema = z.object({ visitedAt: isoTime }).meta({ id: 'Visit' });
export type VisitAnswer = z.infer<typeof visitAnswerSchema>;

export const collabTicketSchema = z.object({ token: z.string(), expiresAt: isoTime });
export type CollabTicket = z.infer<typeof collabTicketSchema>;

export const createDocumentBodySchema = z
  .object({
    title: localizedInput.describe('the title in each language of the document'),
    languages: languageListSchema.optional().describe('the document’s languages, English and Spanish when left out'),
    participants: z
      .array(z.object({ code: participantCodeInput, name: localizedInput, color: colorInput }).strict())
      .max(50)
      .default([]),
    members: z
      .array(
        z
          .object({
            email: emailInput,
            role: roleSchema,
            participant: participantCodeInput.nullable().default(null).describe('the code of one of the Participants above; required for a delegate'),
          })
          .strict(),
      )
      .max(500)
      .default([]),
  })
  .strict();
export type CreateDocumentBody = z.input<typeof createDocumentBodySchema>;

export const duplicateDocumentBodySchema = z
  .object({
    title: localizedInput,
    participants: z.boolean().default(true),
    members: z.boolean().default(true),
    text: z.boolean().default(false),
  })
  .strict();
export type DuplicateDocumentBody = z.input<typeof duplicateDocumentBodySchema>;

export const createdDocumentSchema = z.object({ document: z.object({ id: z.uuid() }) });
export const archivedDocumentSchema = z.object({ status: z.literal('archived'), archivedAt: isoTime });

export const restoreClauseBodySchema = z
  .object({
    afterId: z.string().regex(CLAUSE_ID_PATTERN).nullable().optional().describe('the clause to put it after (from its deletion in the activity feed)'),
  })
  .strict();
export type RestoreClauseBody = z.infer<typeof restoreClauseBodySchema>;
export const restoredClauseSchema = z.object({ clauseId: z.string(), afterId: z.string().nullable() });
