/** Where a clause stands, for its dot in the outline: derived from the live approval statuses, never stored. */
import type { MatrixClause, MatrixParticipant } from '../../../shared/src/api/approvals';

export type OutlineStatus = 'approved' | 'changed' | 'pending' | 'noParticipants';

export function outlineStatus(row: MatrixClause | undefined, participants: readonly MatrixParticipant[]): OutlineStatus | null {
  if (participants.length === 0) return 'noParticipants';
  if (!row) return null;
  const statuses = participants.map((participant) => row.statuses[participant.id]);
  if (statuses.some((status) => status === 'outdated')) return 'changed';
  if (statuses.every((status) => status === 'approved')) return 'approved';
  return 'pending';
}
