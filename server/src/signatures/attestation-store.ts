/**
 * SQL over migrations/017_signature_conventions.sql: the initials and the confirmations of signatures
 * ad referendum recorded beside a signed version (its record never changes; these are written after it).
 */
import type { Queryable } from '../db/queryable';

export interface InitiallingRow {
  participant_id: string;
  user_id: string;
  user_name: string;
  initials: string;
  fingerprint: string;
  created_at: Date;
}

export interface SignatureConfirmationRow {
  participant_id: string;
  confirmed_on: string;
  recorded_by: string;
  recorded_by_name: string;
  created_at: Date;
}

export async function initiallingRows(db: Queryable, versionId: string): Promise<InitiallingRow[]> {
  const { rows } = await db.query<InitiallingRow>(
    `SELECT participant_id, user_id, user_name, initials, fingerprint, created_at FROM signature_initials WHERE version_id = $1 ORDER BY id`,
    [versionId],
  );
  return rows;
}

export async function signatureConfirmationRows(db: Queryable, versionId: string): Promise<SignatureConfirmationRow[]> {
  const { rows } = await db.query<SignatureConfirmationRow>(
    `SELECT participant_id, to_char(confirmed_on, 'YYYY-MM-DD') AS confirmed_on, recorded_by, recorded_by_name, created_at
       FROM signature_confirmations WHERE version_id = $1 ORDER BY id`,
    [versionId],
  );
  return rows;
}

export interface NewInitialling {
  documentId: string;
  versionId: string;
  participantId: string;
  user: { id: string; displayName: string };
  initials: string;
  fingerprint: string;
}

/** Null when the Participant has already initialled this version (one per Participant). */
export async function insertInitialling(db: Queryable, row: NewInitialling): Promise<InitiallingRow | null> {
  const { rows } = await db.query<InitiallingRow>(
    `INSERT INTO signature_initials (document_id, version_id, participant_id, user_id, user_name, initials, fingerprint)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (version_id, participant_id) DO NOTHING
     RETURNING participant_id, user_id, user_name, initials, fingerprint, created_at`,
    [row.documentId, row.versionId, row.participantId, row.user.id, row.user.displayName, row.initials, row.fingerprint],
  );
  return rows[0] ?? null;
}

export interface NewSignatureConfirmation {
  documentId: string;
  versionId: string;
  participantId: string;
  date: string;
  user: { id: string; displayName: string };
}

/** Null when this signature was confirmed already (once per signatory). */
export async function insertSignatureConfirmation(db: Queryable, row: NewSignatureConfirmation): Promise<SignatureConfirmationRow | null> {
  const { rows } = await db.query<SignatureConfirmationRow>(
    `INSERT INTO signature_confirmations (document_id, version_id, participant_id, confirmed_on, recorded_by, recorded_by_name)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (version_id, participant_id) DO NOTHING
     RETURNING participant_id, to_char(confirmed_on, 'YYYY-MM-DD') AS confirmed_on, recorded_by, recorded_by_name, created_at`,
    [row.documentId, row.versionId, row.participantId, row.date, row.user.id, row.user.displayName],
  );
  return rows[0] ?? null;
}
