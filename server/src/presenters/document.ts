import type { DocumentRow } from '../policies/document-access';
import type { Role } from '../../../shared/src/policy';
import type { DocumentJSON, DocumentProgress, DocumentSummary, SinceLastVisit } from '../../../shared/src/api/documents';

export function presentDocument(row: DocumentRow): DocumentJSON {
  return {
    id: row.id,
    title: row.title,
    languages: row.languages,
    status: row.status,
    phase: row.phase,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentDocumentSummary(
  row: DocumentRow,
  membership: { role: Role; participant_id: string | null } | null,
  progress: DocumentProgress,
  sinceLastVisit: SinceLastVisit | null,
): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    languages: row.languages,
    status: row.status,
    phase: row.phase,
    updatedAt: row.updated_at.toISOString(),
    myRole: membership?.role ?? null,
    myParticipantId: membership?.participant_id ?? null,
    progress: { approvedClauses: progress.approvedClauses, totalClauses: progress.totalClauses, openThreads: progress.openThreads },
    sinceLastVisit: sinceLastVisit && {
      visitedAt: sinceLastVisit.visitedAt,
      editors: sinceLastVisit.editors,
      comments: sinceLastVisit.comments,
      mentions: sinceLastVisit.mentions,
      approvals: sinceLastVisit.approvals,
      proposals: sinceLastVisit.proposals,
      versions: sinceLastVisit.versions,
    },
  };
}
