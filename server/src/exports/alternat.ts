/**
 * The signature conventions as the exports apply them (issue 16): whose original a file is under the
 * alternat, the order its Participants are named and sign in, and which attestations it prints.
 *
 *  [A1] An original belongs to one Participant; its number is that Participant's 1-based position in
 *       the record's order, and it is one of `signature.originals.count` originals (one per Participant
 *       when the record states none).
 *  [A2] An original names its Participant first — on the cover and in the signature blocks — and the
 *       others after it in the record's order. The clause texts are drawn exactly as in every other
 *       export of the record: every original holds the same text under the same fingerprint.
 *  [A3] Initials are printed for the Participants who initialled this fingerprint, one each, in the
 *       record's order; a confirmation only for a signatory who signed ad referendum.
 *  [A4] An envelope whose original or attestations break [A1] or [A3] is not one this exporter writes:
 *       verification reports it as altered.
 */
import { serialize } from '../../../shared/src/canonical';
import type { Attestations, Initialling, OriginalCopy, SignatureConfirmation } from '../../../shared/src/versions/signature-conventions';
import type { VersionRecord } from '../../../shared/src/versions/version-record';

type Participant = VersionRecord['participants'][number];

/** What [A4] reads of an export envelope (envelope.ts builds with this module, so it names the fields rather than import the type). */
export interface ConventionFields {
  fingerprint: string;
  record: VersionRecord;
  original?: OriginalCopy;
  attestations?: Attestations;
}

/** [A1] How many originals are signed: as the signature record states, else one per Participant. */
export function originalsCount(record: VersionRecord): number {
  return record.signature?.originals?.count ?? record.participants.length;
}

/** [A1] The original of one Participant; a RangeError when it is not one of the record's Participants. */
export function originalFor(record: VersionRecord, participantId: string): OriginalCopy {
  const index = record.participants.findIndex((p) => p.id === participantId);
  if (index < 0) throw new RangeError(`${JSON.stringify(participantId)} is not a Participant of this version.`);
  return { participantId, number: index + 1, of: originalsCount(record) };
}

/** [A2] The Participants in the order an original names them: its own first, then the others in the record's order. */
export function participantsInOrder(record: VersionRecord, original: OriginalCopy | undefined): Participant[] {
  const own = original ? record.participants.find((p) => p.id === original.participantId) : undefined;
  return own ? [own, ...record.participants.filter((p) => p !== own)] : record.participants;
}

/** The Participant an original belongs to (undefined for an export that is nobody's original). */
export function ownerOf(record: VersionRecord, original: OriginalCopy | undefined): Participant | undefined {
  return original ? record.participants.find((p) => p.id === original.participantId) : undefined;
}

/**
 * [A3] What an export prints of the attestations it is given, or undefined when that is nothing — so an
 * export with no initials and no confirmations has the envelope (and the bytes) it always had.
 */
export function printedAttestations(record: VersionRecord, fingerprint: string, attestations: Attestations | undefined): Attestations | undefined {
  if (!attestations) return undefined;
  const signatories = Array.isArray(record.signature?.signatories) ? record.signature.signatories : [];
  const adReferendum = new Set(signatories.filter((s) => s?.adReferendum === true).map((s) => s.participantId));
  const initials: Initialling[] = [];
  const signatureConfirmations: SignatureConfirmation[] = [];
  for (const participant of record.participants) {
    // The latest of each, should the caller hand over more than one.
    const i = latest(attestations.initials.filter((x) => x.participantId === participant.id && x.fingerprint === fingerprint));
    // Exactly these fields: whatever else a caller's rows hold stays out of the file.
    if (i) initials.push({ participantId: i.participantId, initials: i.initials, name: i.name, at: i.at, fingerprint: i.fingerprint });
    const c = latest(attestations.signatureConfirmations.filter((x) => x.participantId === participant.id));
    if (c && adReferendum.has(participant.id))
      signatureConfirmations.push({ participantId: c.participantId, date: c.date, confirmedBy: c.confirmedBy, at: c.at });
  }
  return initials.length > 0 || signatureConfirmations.length > 0 ? { initials, signatureConfirmations } : undefined;
}

function latest<T extends { at: string }>(items: T[]): T | undefined {
  return items.reduce<T | undefined>((best, item) => (!best || item.at > best.at ? item : best), undefined);
}

/** [A4] What is wrong with an envelope's original and attestations, one sentence each (untrusted input: shapes first). */
export function conventionProblems(envelope: ConventionFields): string[] {
  const { record } = envelope;
  const problems: string[] = [];
  const participants = Array.isArray(record.participants) ? record.participants : [];
  if (envelope.original !== undefined) {
    const original = envelope.original as Partial<OriginalCopy> | null;
    if (!original || typeof original !== 'object' || typeof original.participantId !== 'string') {
      problems.push('The envelope names an original without a Participant.');
    } else {
      const index = participants.findIndex((p) => p?.id === original.participantId);
      const count = record.signature?.originals?.count ?? participants.length;
      if (index < 0) problems.push(`The envelope names the original of ${JSON.stringify(original.participantId)}, which is not a Participant.`);
      else if (original.number !== index + 1) problems.push(`The original of Participant ${index + 1} calls itself number ${JSON.stringify(original.number)}.`);
      if (original.of !== count) problems.push(`The original says it is one of ${JSON.stringify(original.of)}; the signature record states ${count}.`);
    }
  }
  if (envelope.attestations !== undefined) {
    const attestations = envelope.attestations as Partial<Attestations> | null;
    const wellFormed =
      !!attestations &&
      Array.isArray(attestations.initials) &&
      Array.isArray(attestations.signatureConfirmations) &&
      attestations.initials.every((i) => !!i && typeof i.participantId === 'string' && typeof i.initials === 'string' && typeof i.at === 'string') &&
      attestations.signatureConfirmations.every((c) => !!c && typeof c.participantId === 'string' && typeof c.date === 'string' && typeof c.at === 'string');
    if (!wellFormed) problems.push('The envelope’s attestations are not lists of initials and confirmations.');
    else {
      const printed = printedAttestations(record, envelope.fingerprint, attestations as Attestations);
      if (printed === undefined || serialize(printed) !== serialize(attestations)) {
        problems.push('The envelope’s attestations are not those an export prints (one per Participant, in their order, for this fingerprint).');
      }
    }
  }
  return problems;
}
