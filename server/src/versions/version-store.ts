/**
 * SQL over migrations/005_versions_freeze.sql: versions (insert and read only — a trigger refuses
 * anything else), the signature record and refused post-freeze updates.
 */
import type { Queryable } from '../db/queryable';
import type { SignatureRecord, VersionKind, VersionRecord } from '../../../shared/src/versions/version-record';
import type { OriginalsStatement } from '../../../shared/src/versions/signature-conventions';

export interface VersionRow {
  id: string;
  document_id: string;
  seq: number;
  kind: VersionKind;
  name: string | null;
  fingerprint: string;
  through_update_id: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

export interface FullVersionRow extends VersionRow {
  record: string;
  state: Buffer;
}

const COLUMNS = `v.id, v.document_id, v.seq, v.kind, v.name, v.fingerprint, v.through_update_id::text, v.created_by,
  u.display_name AS created_by_name, v.created_at`;

export async function listVersions(db: Queryable, documentId: string): Promise<VersionRow[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${COLUMNS} FROM document_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.document_id = $1 ORDER BY v.seq DESC`,
    [documentId],
  );
  return rows;
}

export async function findVersion(db: Queryable, documentId: string, versionId: string): Promise<FullVersionRow | undefined> {
  const { rows } = await db.query<FullVersionRow>(
    `SELECT ${COLUMNS}, v.record, v.state FROM document_versions v LEFT JOIN users u ON u.id = v.created_by
      WHERE v.document_id = $1 AND v.id = $2`,
    [documentId, versionId],
  );
  return rows[0];
}

export async function findVersionByFingerprint(
  db: Queryable,
  fingerprint: string,
): Promise<(FullVersionRow & { title: Record<string, string>; document_status: string }) | undefined> {
  const { rows } = await db.query<FullVersionRow & { title: Record<string, string>; document_status: string }>(
    `SELECT ${COLUMNS}, v.record, v.state, d.title, d.status AS document_status
       FROM document_versions v JOIN documents d ON d.id = v.document_id LEFT JOIN users u ON u.id = v.created_by
      WHERE v.fingerprint = $1`,
    [fingerprint],
  );
  return rows[0];
}

export async function latestVersion(db: Queryable, documentId: string): Promise<VersionRow | undefined> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${COLUMNS} FROM document_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.document_id = $1 ORDER BY v.seq DESC LIMIT 1`,
    [documentId],
  );
  return rows[0];
}

export interface NewVersion {
  record: VersionRecord;
  bytes: string;
  fingerprint: string;
  state: Uint8Array;
  throughUpdateId: number;
  createdBy: string | null;
}

/** Inserts a version; the caller holds the document's row lock, which serialises `seq`. */
export async function insertVersion(db: Queryable, version: NewVersion): Promise<{ seq: number }> {
  const { record } = version;
  const { rows } = await db.query<{ seq: number }>(
    `INSERT INTO document_versions (id, document_id, seq, kind, name, state, record, fingerprint, through_update_id, created_by, created_at)
     VALUES ($1, $2, (SELECT coalesce(max(seq), 0) + 1 FROM document_versions WHERE document_id = $2), $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING seq`,
    [
      record.version.id,
      record.document.id,
      record.version.kind,
      record.version.name,
      Buffer.from(version.state),
      version.bytes,
      version.fingerprint,
      version.throughUpdateId,
      version.createdBy,
      record.version.takenAt,
    ],
  );
  return rows[0];
}

export async function readSignatureRecord(db: Queryable, documentId: string): Promise<(SignatureRecord & { updatedAt: Date }) | null> {
  const { rows } = await db.query<{
    place: Record<string, string>;
    signed_on: string;
    signatories: SignatureRecord['signatories'];
    originals: OriginalsStatement | null;
    updated_at: Date;
  }>(`SELECT place, to_char(signed_on, 'YYYY-MM-DD') AS signed_on, signatories, originals, updated_at FROM signature_records WHERE document_id = $1`, [
    documentId,
  ]);
  const row = rows[0];
  return row ? { ...signatureRecord(row.place, row.signed_on, row.signatories, row.originals), updatedAt: row.updated_at } : null;
}

/** The record as the freeze copies it: `originals` only when stated (an older record keeps its bytes and fingerprint). */
export function signatureRecord(
  place: SignatureRecord['place'],
  date: string,
  signatories: SignatureRecord['signatories'],
  originals: OriginalsStatement | null | undefined,
): SignatureRecord {
  return originals ? { place, date, signatories, originals } : { place, date, signatories };
}

export async function writeSignatureRecord(db: Queryable, documentId: string, userId: string, record: SignatureRecord): Promise<void> {
  await db.query(
    `INSERT INTO signature_records (document_id, place, signed_on, signatories, originals, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (document_id) DO UPDATE SET place = EXCLUDED.place, signed_on = EXCLUDED.signed_on, signatories = EXCLUDED.signatories,
       originals = EXCLUDED.originals, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [
      documentId,
      JSON.stringify(record.place),
      record.date,
      JSON.stringify(record.signatories),
      record.originals ? JSON.stringify(record.originals) : null,
      userId,
    ],
  );
}

export interface RejectedUpdateRow {
  id: string;
  update: Buffer;
  reason: 'frozen' | 'archived';
  created_at: Date;
}

export async function rejectedUpdatesOf(db: Queryable, documentId: string, userId: string): Promise<RejectedUpdateRow[]> {
  const { rows } = await db.query<RejectedUpdateRow>(
    'SELECT id::text, update, reason, created_at FROM rejected_updates WHERE document_id = $1 AND user_id = $2 ORDER BY id',
    [documentId, userId],
  );
  return rows;
}
