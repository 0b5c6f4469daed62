import type { Participant } from '../../../shared/src/api/participants';

export interface ParticipantRow {
  id: string;
  code: string;
  name: Record<string, string>;
  color: string;
}

export function presentParticipant(row: ParticipantRow): Participant {
  return { id: row.id, code: row.code, name: row.name, color: row.color };
}
