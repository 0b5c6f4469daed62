/**
 * The signed version of a document and what was attested on it after the freeze (initials,
 * confirmations of signatures ad referendum), read for the page, the commands and the exports.
 */
import type { Queryable } from '../db/queryable';
import { findVersion } from '../versions/version-store';
import { initiallingRows, signatureConfirmationRows } from './attestation-store';
import type { VersionRecord } from '../../../shared/src/versions/version-record';
import type { Attestations } from '../../../shared/src/versions/signature-conventions';

export interface SignedVersion {
  id: string;
  fingerprint: string;
  record: VersionRecord;
}

/** The document's frozen version; null while it is a draft. `lock` holds the document row (commands). */
export async function signedVersionOf(db: Queryable, documentId: string, lock = false): Promise<{ status: string; version: SignedVersion | null } | null> {
  const { rows } = await db.query<{ status: string; frozen_version_id: string | null }>(
    `SELECT status, frozen_version_id FROM documents WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [documentId],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.frozen_version_id) return { status: row.status, version: null };
  const version = await findVersion(db, documentId, row.frozen_version_id);
  if (!version) return { status: row.status, version: null };
  return { status: row.status, version: { id: version.id, fingerprint: version.fingerprint, record: JSON.parse(version.record) as VersionRecord } };
}

/** The attestations of a signed version, in the record's order of Participants. */
export async function attestationsOf(db: Queryable, version: SignedVersion): Promise<Attestations> {
  const order = version.record.participants.map((p) => p.id);
  const byParticipant = <T extends { participantId: string }>(a: T, b: T) => order.indexOf(a.participantId) - order.indexOf(b.participantId);
  const initials = (await initiallingRows(db, version.id)).map((row) => ({
    participantId: row.participant_id,
    initials: row.initials,
    name: row.user_name,
    at: row.created_at.toISOString(),
    fingerprint: row.fingerprint,
  }));
  const signatureConfirmations = (await signatureConfirmationRows(db, version.id)).map((row) => ({
    participantId: row.participant_id,
    date: row.confirmed_on,
    confirmedBy: row.recorded_by_name,
    at: row.created_at.toISOString(),
  }));
  return { initials: initials.sort(byParticipant), signatureConfirmations: signatureConfirmations.sort(byParticipant) };
}
