/**
 * SQL over the two append-only logs of migrations/003_approvals.sql. Only inserts and reads: a status
 * is never written, it is derived (shared/src/approval-status.ts).
 */
import type { Queryable } from '../db/queryable';
import type { ConcordanceStatus } from '../../../shared/src/approval-status';
import type { ClauseKind } from '../../../shared/src/yjs-layout';

export interface ApprovalRow {
  id: string;
  document_id: string;
  clause_id: string;
  participant_id: string;
  user_id: string;
  user_display_name: string;
  kind: 'approval' | 'revocation';
  fingerprint: string | null;
  clause_kind: ClauseKind | null;
  language_hashes: Record<string, string> | null;
  canonical_texts: Record<string, string> | null;
  concordance_status: ConcordanceStatus | null;
  through_update_id: string | null;
  revokes_id: string | null;
  created_at: Date;
  /** Given subject to confirmation by the Participant's capital (migration 015). */
  ad_referendum: boolean;
  /** Its confirmation for the capital, when confirmed: then it is final. */
  confirmed_by_id: string | null;
  confirmed_by_name: string | null;
  confirmed_at: Date | null;
  /** The package it is conditional on (migration 016); null: unconditional. */
  package_id: string | null;
}

/** An approval row (kind 'approval'): its fields are all present. */
export type InForceApprovalRow = ApprovalRow & {
  kind: 'approval';
  fingerprint: string;
  clause_kind: ClauseKind;
  language_hashes: Record<string, string>;
  canonical_texts: Record<string, string>;
  concordance_status: ConcordanceStatus;
  through_update_id: string;
};

export interface ConfirmationRow {
  id: string;
  document_id: string;
  clause_id: string;
  user_id: string;
  user_display_name: string;
  language_hashes: Record<string, string>;
  canonical_texts: Record<string, string>;
  through_update_id: string;
  created_at: Date;
}

const APPROVAL_COLUMNS = `a.id::text, a.document_id, a.clause_id, a.participant_id, a.user_id, u.display_name AS user_display_name,
  a.kind, a.fingerprint, a.clause_kind, a.language_hashes, a.canonical_texts, a.concordance_status,
  a.through_update_id::text, a.revokes_id::text, a.created_at, a.ad_referendum, a.package_id,
  cf.user_id AS confirmed_by_id, cu.display_name AS confirmed_by_name, cf.created_at AS confirmed_at`;
/** The approvals log with who made each row and, for an ad referendum approval, its confirmation. */
const APPROVALS_FROM = `approvals a JOIN users u ON u.id = a.user_id
  LEFT JOIN approval_confirmations cf ON cf.approval_id = a.id LEFT JOIN users cu ON cu.id = cf.user_id`;

const CONFIRMATION_COLUMNS = `c.id::text, c.document_id, c.clause_id, c.user_id, u.display_name AS user_display_name,
  c.language_hashes, c.canonical_texts, c.through_update_id::text, c.created_at`;

export function isInForce(row: ApprovalRow | undefined): row is InForceApprovalRow {
  return row?.kind === 'approval';
}

/** Serialises approvals and revocations of one (clause, Participant) until the transaction ends. */
export async function lockApprovalCell(db: Queryable, documentId: string, clauseId: string, participantId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':concordia:approval:' || $1 || ':' || $2 || ':' || $3))`, [
    documentId,
    clauseId,
    participantId,
  ]);
}

/** The document's status, holding a share lock so that a freeze waits for this transaction. */
export async function lockDocumentStatus(db: Queryable, documentId: string): Promise<string | null> {
  const { rows } = await db.query<{ status: string }>('SELECT status FROM documents WHERE id = $1 FOR SHARE', [documentId]);
  return rows[0]?.status ?? null;
}

/** The latest row of each (clause, Participant) of a document: an approval in force, or a revocation. */
export async function latestApprovalRows(db: Queryable, documentId: string, clauseId?: string): Promise<ApprovalRow[]> {
  const { rows } = await db.query<ApprovalRow>(
    `SELECT DISTINCT ON (a.clause_id, a.participant_id) ${APPROVAL_COLUMNS}
       FROM ${APPROVALS_FROM}
      WHERE a.document_id = $1 AND ($2::text IS NULL OR a.clause_id = $2)
      ORDER BY a.clause_id, a.participant_id, a.id DESC`,
    [documentId, clauseId ?? null],
  );
  return rows;
}

export async function latestApprovalRow(db: Queryable, documentId: string, clauseId: string, participantId: string): Promise<ApprovalRow | undefined> {
  const { rows } = await db.query<ApprovalRow>(
    `SELECT ${APPROVAL_COLUMNS} FROM ${APPROVALS_FROM}
      WHERE a.document_id = $1 AND a.clause_id = $2 AND a.participant_id = $3 ORDER BY a.id DESC LIMIT 1`,
    [documentId, clauseId, participantId],
  );
  return rows[0];
}

/** The latest confirmation of each clause of a document (or of one clause). */
export async function latestConfirmationRows(db: Queryable, documentId: string, clauseId?: string): Promise<ConfirmationRow[]> {
  const { rows } = await db.query<ConfirmationRow>(
    `SELECT DISTINCT ON (c.clause_id) ${CONFIRMATION_COLUMNS}
       FROM concordance_confirmations c JOIN users u ON u.id = c.user_id
      WHERE c.document_id = $1 AND ($2::text IS NULL OR c.clause_id = $2)
      ORDER BY c.clause_id, c.id DESC`,
    [documentId, clauseId ?? null],
  );
  return rows;
}

/** Every approval and revocation of one clause, oldest first. */
export async function clauseApprovalHistory(db: Queryable, documentId: string, clauseId: string): Promise<ApprovalRow[]> {
  const { rows } = await db.query<ApprovalRow>(
    `SELECT ${APPROVAL_COLUMNS} FROM ${APPROVALS_FROM}
      WHERE a.document_id = $1 AND a.clause_id = $2 ORDER BY a.id`,
    [documentId, clauseId],
  );
  return rows;
}

export async function clauseConfirmationHistory(db: Queryable, documentId: string, clauseId: string): Promise<ConfirmationRow[]> {
  const { rows } = await db.query<ConfirmationRow>(
    `SELECT ${CONFIRMATION_COLUMNS} FROM concordance_confirmations c JOIN users u ON u.id = c.user_id
      WHERE c.document_id = $1 AND c.clause_id = $2 ORDER BY c.id`,
    [documentId, clauseId],
  );
  return rows;
}

export interface NewApproval {
  documentId: string;
  clauseId: string;
  participantId: string;
  userId: string;
  fingerprint: string;
  clauseKind: ClauseKind;
  languageHashes: Record<string, string>;
  canonicalTexts: Record<string, string>;
  concordanceStatus: ConcordanceStatus;
  throughUpdateId: number;
  adReferendum: boolean;
  /** Conditional on this package of the document [A5]; null: unconditional. */
  packageId: string | null;
}

export async function insertApproval(db: Queryable, approval: NewApproval): Promise<{ id: string; created_at: Date }> {
  const { rows } = await db.query<{ id: string; created_at: Date }>(
    `INSERT INTO approvals (document_id, clause_id, participant_id, user_id, kind, fingerprint, clause_kind, language_hashes,
                            canonical_texts, concordance_status, through_update_id, ad_referendum, package_id)
     VALUES ($1, $2, $3, $4, 'approval', $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::text, created_at`,
    [
      approval.documentId,
      approval.clauseId,
      approval.participantId,
      approval.userId,
      approval.fingerprint,
      approval.clauseKind,
      JSON.stringify(approval.languageHashes),
      JSON.stringify(approval.canonicalTexts),
      approval.concordanceStatus,
      approval.throughUpdateId,
      approval.adReferendum,
      approval.packageId,
    ],
  );
  return rows[0];
}

/** Confirms an ad referendum approval for the capital (one confirmation per approval, by the unique index). */
export async function insertApprovalConfirmation(
  db: Queryable,
  confirmation: { approvalId: string; userId: string; fingerprint: string },
): Promise<{ id: string; created_at: Date }> {
  const { rows } = await db.query<{ id: string; created_at: Date }>(
    `INSERT INTO approval_confirmations (approval_id, user_id, fingerprint) VALUES ($1, $2, $3) RETURNING id::text, created_at`,
    [confirmation.approvalId, confirmation.userId, confirmation.fingerprint],
  );
  return rows[0];
}

/** Every confirmation for the capital of one clause's approvals, oldest first (the clause's history). */
export async function clauseCapitalConfirmations(
  db: Queryable,
  documentId: string,
  clauseId: string,
): Promise<Array<{ id: string; approval_id: string; participant_id: string; user_id: string; user_display_name: string; created_at: Date }>> {
  const { rows } = await db.query<{ id: string; approval_id: string; participant_id: string; user_id: string; user_display_name: string; created_at: Date }>(
    `SELECT cf.id::text, cf.approval_id::text, a.participant_id, cf.user_id, u.display_name AS user_display_name, cf.created_at
       FROM approval_confirmations cf JOIN approvals a ON a.id = cf.approval_id JOIN users u ON u.id = cf.user_id
      WHERE a.document_id = $1 AND a.clause_id = $2 ORDER BY cf.id`,
    [documentId, clauseId],
  );
  return rows;
}

export async function insertRevocation(
  db: Queryable,
  revocation: { documentId: string; clauseId: string; participantId: string; userId: string; revokesId: string },
): Promise<{ id: string; created_at: Date }> {
  const { rows } = await db.query<{ id: string; created_at: Date }>(
    `INSERT INTO approvals (document_id, clause_id, participant_id, user_id, kind, revokes_id)
     VALUES ($1, $2, $3, $4, 'revocation', $5) RETURNING id::text, created_at`,
    [revocation.documentId, revocation.clauseId, revocation.participantId, revocation.userId, revocation.revokesId],
  );
  return rows[0];
}

export async function insertConfirmation(
  db: Queryable,
  confirmation: {
    documentId: string;
    clauseId: string;
    userId: string;
    languageHashes: Record<string, string>;
    canonicalTexts: Record<string, string>;
    throughUpdateId: number;
  },
): Promise<{ id: string; created_at: Date }> {
  const { rows } = await db.query<{ id: string; created_at: Date }>(
    `INSERT INTO concordance_confirmations (document_id, clause_id, user_id, language_hashes, canonical_texts, through_update_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text, created_at`,
    [
      confirmation.documentId,
      confirmation.clauseId,
      confirmation.userId,
      JSON.stringify(confirmation.languageHashes),
      JSON.stringify(confirmation.canonicalTexts),
      confirmation.throughUpdateId,
    ],
  );
  return rows[0];
}

/**
 * The people whose stored updates came after `throughUpdateId`: who changed the document since a
 * record. Per document, not per clause (an update is not attributed to the clauses it touched).
 */
export async function authorsSince(db: Queryable, documentId: string, throughUpdateId: number): Promise<Array<{ id: string; display_name: string }>> {
  const { rows } = await db.query<{ id: string; display_name: string }>(
    `SELECT u.id, u.display_name FROM users u
      WHERE u.id IN (SELECT DISTINCT user_id FROM document_updates WHERE document_id = $1 AND id > $2 AND user_id IS NOT NULL)
      ORDER BY u.display_name, u.id`,
    [documentId, throughUpdateId],
  );
  return rows;
}

export async function documentParticipants(
  db: Queryable,
  documentId: string,
): Promise<Array<{ id: string; code: string; name: Record<string, string>; color: string }>> {
  const { rows } = await db.query<{ id: string; code: string; name: Record<string, string>; color: string }>(
    'SELECT id, code, name, color FROM participants WHERE document_id = $1 ORDER BY position, code',
    [documentId],
  );
  return rows;
}
