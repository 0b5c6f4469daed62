import type pg from 'pg';
import { AppError } from '../http/errors';
import { participantRequirement, type Role } from '../../../shared/src/policy';

/**
 * A delegate represents one Participant of this document; a legal reviewer serves one Participant or
 * (none given) the secretariat; secretariat members and observers represent nobody.
 */
export async function assertRoleFits(client: pg.PoolClient, documentId: string, role: Role, participantId: string | null): Promise<void> {
  const requirement = participantRequirement(role);
  if ((requirement === 'required' && !participantId) || (requirement === 'forbidden' && participantId)) {
    throw new AppError('role_participant_mismatch');
  }
  if (participantId) {
    const { rows } = await client.query('SELECT 1 FROM participants WHERE id = $1 AND document_id = $2', [participantId, documentId]);
    if (rows.length === 0) throw new AppError('unknown_participant', { participantId });
  }
}

/** Refuses to leave a document without a secretariat member (nobody could manage it any more). */
export async function assertSecretariatRemains(client: pg.PoolClient, documentId: string, leavingMembershipId: string): Promise<void> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM memberships WHERE document_id = $1 AND role = 'secretariat' FOR UPDATE`, [documentId]);
  if (rows.length === 1 && rows[0].id === leavingMembershipId) throw new AppError('last_secretariat');
}
