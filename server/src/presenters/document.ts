import { z } from 'zod';
import type { DocumentRow } from '../policies/document-access';
import { ACTIONS, DOCUMENT_STATUSES, ROLES, type Action, type Role } from '../../../shared/src/policy';

const localized = z.record(z.string(), z.string());

export const documentSchema = z.object({
  id: z.uuid(),
  title: localized,
  languages: z.array(z.string()),
  status: z.enum(DOCUMENT_STATUSES),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}).meta({ id: 'Document' });

export function presentDocument(row: DocumentRow): z.infer<typeof documentSchema> {
  return {
    id: row.id, title: row.title, languages: row.languages, status: row.status,
    createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}

const count = z.int().min(0);

export const documentProgressSchema = z.object({
  approvedClauses: count.describe('visible clauses every Participant has approved as they stand now (none without Participants)'),
  totalClauses: count.describe('visible clauses of the text now'),
  openThreads: count.describe('open comment threads I may read (internal notes of other delegations are not counted)'),
}).meta({ id: 'DocumentProgress' });

export type DocumentProgress = z.infer<typeof documentProgressSchema>;

export const documentSummarySchema = documentSchema.omit({ createdAt: true }).extend({
  myRole: z.enum(ROLES).nullable(),
  myParticipantId: z.uuid().nullable(),
  progress: documentProgressSchema,
}).meta({ id: 'DocumentSummary' });

export function presentDocumentSummary(
  row: DocumentRow, membership: { role: Role; participant_id: string | null } | null, progress: DocumentProgress,
): z.infer<typeof documentSummarySchema> {
  return {
    id: row.id, title: row.title, languages: row.languages, status: row.status, updatedAt: row.updated_at.toISOString(),
    myRole: membership?.role ?? null, myParticipantId: membership?.participant_id ?? null,
    progress: { approvedClauses: progress.approvedClauses, totalClauses: progress.totalClauses, openThreads: progress.openThreads },
  };
}

export const myAccessSchema = z.object({
  role: z.enum(ROLES).nullable(),
  participantId: z.uuid().nullable(),
  permissions: z.array(z.enum(ACTIONS as [Action, ...Action[]])),
}).meta({ id: 'MyAccess' });
