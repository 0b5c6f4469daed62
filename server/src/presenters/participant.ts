import { z } from 'zod';

export const participantSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.record(z.string(), z.string()),
  color: z.string(),
}).meta({ id: 'Participant' });

export interface ParticipantRow { id: string; code: string; name: Record<string, string>; color: string }

export function presentParticipant(row: ParticipantRow): z.infer<typeof participantSchema> {
  return { id: row.id, code: row.code, name: row.name, color: row.color };
}
