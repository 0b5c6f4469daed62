/** The Participants of a negotiation (docs/api.md, "Participants"). */
import { z } from 'zod';
import { colorInput, languageCode, localizedSchema, participantCodeInput } from './common';
import { storableText } from '../text-characters';

export const participantSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: localizedSchema,
    color: z.string(),
  })
  .meta({ id: 'Participant' });
export type Participant = z.infer<typeof participantSchema>;

const participantFields = {
  code: participantCodeInput,
  name: z
    .record(languageCode, storableText(z.string().trim().min(1).max(300)))
    .describe('the name in each language of the document, e.g. {"en": "…", "es": "…"}'),
  color: colorInput,
};
export const participantBodySchema = z.object(participantFields).strict();
export type ParticipantBody = z.infer<typeof participantBodySchema>;
export const participantChangesSchema = z.object(participantFields).partial().strict();
export type ParticipantChanges = z.infer<typeof participantChangesSchema>;

export const participantListSchema = z.object({ participants: z.array(participantSchema) });
export const participantAnswerSchema = z.object({ participant: participantSchema });
/** The Participants of my negotiations, one per code, to start a new negotiation with. */
export const participantDirectorySchema = z.object({ participants: z.array(participantSchema.omit({ id: true })) });
export type DirectoryParticipant = z.infer<typeof participantDirectorySchema>['participants'][number];
