/**
 * How the signed text is signed (issue 16, "Signature conventions"): the alternat, the number of
 * originals, initialling and signature ad referendum. Types shared by the server's records, the
 * exports (which embed them in their envelope, so verification re-renders them) and the client.
 *
 * What is fixed at the freeze lives in the signature record (the version record's bytes): the
 * statement of originals and each signatory's "ad referendum". What happens after the freeze —
 * initials, confirmations of a signature ad referendum — is recorded beside the immutable record
 * ("attestations") and printed on the exports made after it.
 */
import type { LanguageCode } from '../languages';

/** "Done in four originals, in the English and Spanish languages" — part of the signature record. */
export interface OriginalsStatement {
  /** How many originals are signed (at least one per Participant: the alternat gives each its own). */
  count: number;
  /** The languages of each original, in the document's order. */
  languages: LanguageCode[];
}

/** One Participant's original under the alternat: that Participant named first, its block signed first. */
export interface OriginalCopy {
  participantId: string;
  /** 1-based, the Participant's position in the document's order. */
  number: number;
  /** The number of originals (OriginalsStatement.count). */
  of: number;
}

/** A Participant's designated person initialled the frozen text. */
export interface Initialling {
  participantId: string;
  /** As printed in the footer ("JR"): 1–6 letters. */
  initials: string;
  /** Who initialled (display name at the time). */
  name: string;
  /** ISO 8601 instant. */
  at: string;
  /** The version fingerprint the initials cover. */
  fingerprint: string;
}

/** A signature ad referendum confirmed later (a date and who). */
export interface SignatureConfirmation {
  participantId: string;
  /** The date of confirmation, YYYY-MM-DD. */
  date: string;
  /** Who recorded it (display name at the time). */
  confirmedBy: string;
  /** ISO 8601 instant it was recorded. */
  at: string;
}

/** What happened to the signed version after the freeze, in the Participants' order. */
export interface Attestations {
  initials: Initialling[];
  signatureConfirmations: SignatureConfirmation[];
}

export const emptyAttestations = (): Attestations => ({ initials: [], signatureConfirmations: [] });
