/**
 * The signature conventions API (issue 16): initialling the signed text and confirming a signature
 * given ad referendum, after the freeze. Request schemas (zod, strict) and the shapes of the answers
 * (server/src/presenters/attestations.ts builds exactly these). docs/api.md, "Signature conventions".
 */
import { z } from 'zod';
import { INITIALS_PATTERN } from '../versions/signature-defaults';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a fingerprint: 64 lower-case hex digits');
const isoTime = z.iso.datetime({ offset: true });

export const initialBodySchema = z
  .object({
    participantId: z.uuid().describe('my own Participant'),
    fingerprint: hash.describe('the fingerprint of the signed version as I was shown it'),
    initials: z.string().trim().regex(INITIALS_PATTERN, '1 to 6 letters').optional().describe('as printed in the footer; absent: from my name'),
  })
  .strict();
export type InitialBody = z.infer<typeof initialBodySchema>;

export const confirmAdReferendumBodySchema = z
  .object({
    participantId: z.uuid().describe('the Participant whose signatory signed ad referendum'),
    date: z.iso.date().describe('the date of confirmation, YYYY-MM-DD, not before the date of signature'),
  })
  .strict();
export type ConfirmAdReferendumBody = z.infer<typeof confirmAdReferendumBodySchema>;

export const initiallingSchema = z
  .object({
    participantId: z.uuid(),
    initials: z.string(),
    name: z.string().describe('who initialled, as named then'),
    at: isoTime,
    fingerprint: hash,
  })
  .meta({ id: 'Initialling' });

export const signatureConfirmationSchema = z
  .object({
    participantId: z.uuid(),
    date: z.string().describe('YYYY-MM-DD'),
    confirmedBy: z.string().describe('who recorded it, as named then'),
    at: isoTime,
  })
  .meta({ id: 'SignatureConfirmation' });

/** What happened to the signed version after the freeze; null version: the text is not frozen. */
export const attestationsSchema = z
  .object({
    versionId: z.uuid().nullable(),
    fingerprint: hash.nullable(),
    initials: z.array(initiallingSchema),
    signatureConfirmations: z.array(signatureConfirmationSchema),
  })
  .meta({ id: 'Attestations' });
export type AttestationsAnswer = z.infer<typeof attestationsSchema>;

/** socket.io SignatureAttested: someone initialled or a confirmation was recorded; open pages read the attestations again. */
export interface SignatureAttestedEvent {
  documentId: string;
  participantId: string;
  kind: 'initialled' | 'confirmed';
}
