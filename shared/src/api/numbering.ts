/**
 * The stable numbering API (issue 15): request schemas (zod, strict) and the shapes of the answers
 * and of the socket.io event. docs/api.md, "Stable numbering", is the prose form;
 * shared/src/stable-numbering.ts derives the numbers from what these carry.
 */
import { z } from 'zod';

export const fixNumberingBodySchema = z
  .object({
    /** The version whose clause order and kinds give the fixed numbers ("the chair's text of 3 March"). */
    versionId: z.uuid(),
  })
  .strict();
export type FixNumberingBody = z.infer<typeof fixNumberingBodySchema>;

export const renumberBodySchema = z.object({}).strict();

const isoTime = z.iso.datetime({ offset: true });

export const clauseNumberSchema = z
  .object({ section: z.number().int().optional(), article: z.number().int().optional(), suffix: z.number().int().positive().optional() })
  .meta({ id: 'ClauseNumber' });

export const numberChangeSchema = z.object({ clauseId: z.string(), from: clauseNumberSchema, to: clauseNumberSchema.nullable() }).meta({ id: 'NumberChange' });
export type NumberChangeRecord = z.infer<typeof numberChangeSchema>;

export const fixedNumberingSchema = z
  .object({
    /** The version it was fixed at; null after a renumbering (fixed at the text as it then stood). */
    versionId: z.uuid().nullable(),
    versionName: z.string().nullable(),
    /** Clause id → its fixed number. */
    numbers: z.record(z.string(), clauseNumberSchema),
    fixedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    fixedAt: isoTime,
    renumberedAt: isoTime.nullable(),
  })
  .meta({ id: 'FixedNumbering' });
export type FixedNumbering = z.infer<typeof fixedNumberingSchema>;

export const numberingStateSchema = z
  .object({
    documentId: z.uuid(),
    /** Null: not fixed, the numbers follow the order (as before issue 15). */
    fixed: fixedNumberingSchema.nullable(),
    /** The clause numbers of the latest version, for "formerly Article 4"; null when there is no version. */
    previous: z.object({ versionId: z.uuid(), numbers: z.record(z.string(), clauseNumberSchema) }).nullable(),
  })
  .meta({ id: 'NumberingState' });
export type NumberingState = z.infer<typeof numberingStateSchema>;

export const renumberAnswerSchema = numberingStateSchema.extend({ changes: z.array(numberChangeSchema) }).meta({ id: 'RenumberAnswer' });
export type RenumberAnswer = z.infer<typeof renumberAnswerSchema>;

/** socket.io payload, sent to room `doc:<documentId>` (SocketEvent.NumberingChanged): re-read GET …/numbering. */
export interface NumberingChangedEvent {
  documentId: string;
  fixed: FixedNumbering | null;
}
