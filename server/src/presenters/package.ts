/** Package rows → the API's shape (shared/src/api/packages.ts), field by field. */
import type { PackageRecord } from '../../../shared/src/api/packages';
import type { PackageRow } from '../packages/package-store';
import { presentUserRef } from './approval';

export function presentPackage(row: PackageRow): PackageRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    name: row.name,
    participantId: row.participant_id,
    createdBy: presentUserRef(row.created_by, row.created_by_name),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    clauseIds: [...row.clause_ids],
  };
}
