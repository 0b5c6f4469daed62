import type { Queryable } from '../db/queryable';
import { AppError } from '../http/errors';
import { HAS_SECOND_FACTOR_SQL } from '../auth/second-factors/factors';
import type { DocumentPhase, DocumentStatus, PolicySubject, Role } from '../../../shared/src/policy';

export interface DocumentRow {
  id: string;
  title: Record<string, string>;
  languages: string[];
  status: DocumentStatus;
  phase: DocumentPhase;
  created_at: Date;
  updated_at: Date;
}

export interface MembershipRow {
  id: string;
  role: Role;
  participant_id: string | null;
  may_confirm_for_capital: boolean;
}

/** A document and what one person is to it: the row the policy's object checks need, and their membership. */
export interface DocumentAccess {
  document: DocumentRow;
  membership: MembershipRow | null;
  subject: PolicySubject;
}

/**
 * Loads a document with the user's membership in one query; null when no such document exists.
 * A negotiation that requires a second factor refuses its members (and administrators) who have none
 * with second_factor_required — here, so REST, socket.io and collab refuse alike.
 */
export async function loadDocumentAccess(db: Queryable, documentId: string, user: { id: string; isAdmin: boolean }): Promise<DocumentAccess | null> {
  const { rows } = await db.query<
    DocumentRow & {
      membership_id: string | null;
      role: Role | null;
      participant_id: string | null;
      may_confirm_for_capital: boolean | null;
      lacks_second_factor: boolean;
    }
  >(
    `SELECT d.id, d.title, d.languages, d.status, d.phase, d.created_at, d.updated_at,
            m.id AS membership_id, m.role, m.participant_id, m.may_confirm_for_capital,
            d.require_second_factor AND NOT ${HAS_SECOND_FACTOR_SQL('$2::uuid')} AS lacks_second_factor
       FROM documents d LEFT JOIN memberships m ON m.document_id = d.id AND m.user_id = $2
      WHERE d.id = $1`,
    [documentId, user.id],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.lacks_second_factor && (row.membership_id || user.isAdmin)) throw new AppError('second_factor_required');
  const membership =
    row.membership_id && row.role
      ? { id: row.membership_id, role: row.role, participant_id: row.participant_id, may_confirm_for_capital: row.may_confirm_for_capital === true }
      : null;
  return {
    document: {
      id: row.id,
      title: row.title,
      languages: row.languages,
      status: row.status,
      phase: row.phase,
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    membership,
    subject: {
      userId: user.id,
      isAdmin: user.isAdmin,
      membership: membership && { role: membership.role, participantId: membership.participant_id, mayConfirmForCapital: membership.may_confirm_for_capital },
    },
  };
}
