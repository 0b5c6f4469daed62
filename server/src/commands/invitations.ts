import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { randomToken, tokenHash } from '../auth/tokens';
import type { Role } from '../../../shared/src/policy';
import type { InvitationRow } from '../presenters/invitation';
import { assertRoleFits } from './membership-rules';

export interface InvitationInput {
  email: string;
  role: Role;
  participantId: string | null;
}

const COLUMNS = 'id, email, role, participant_id, expires_at';
const PENDING = 'accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()';

export const invitationPath = (token: string) => `/invite/${token}`;

export async function listPendingInvitations(ctx: AppContext, documentId: string): Promise<InvitationRow[]> {
  const { rows } = await ctx.pool.query<InvitationRow>(`SELECT ${COLUMNS} FROM invitations WHERE document_id = $1 AND ${PENDING} ORDER BY created_at`, [
    documentId,
  ]);
  return rows;
}

/**
 * Invites a person (by email) into the document with a role. Returns the one-time token, which is
 * never stored: only its hash is. An earlier pending invitation of the same email is withdrawn.
 */
export async function createInvitation(
  ctx: AppContext,
  actorId: string,
  documentId: string,
  input: InvitationInput,
): Promise<{ invitation: InvitationRow; token: string }> {
  const email = input.email.trim().toLowerCase();
  const token = randomToken(32);
  const invitation = await withTransaction(ctx.pool, async (client) => {
    await assertRoleFits(client, documentId, input.role, input.participantId);
    const member = await client.query('SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.document_id = $1 AND u.email = $2', [
      documentId,
      email,
    ]);
    if (member.rows.length > 0) throw new AppError('already_member');
    await client.query(`UPDATE invitations SET revoked_at = now() WHERE document_id = $1 AND email = $2 AND ${PENDING}`, [documentId, email]);
    const { rows } = await client.query<InvitationRow>(
      `INSERT INTO invitations (document_id, email, role, participant_id, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7)) RETURNING ${COLUMNS}`,
      [documentId, email, input.role, input.participantId, tokenHash(token), actorId, ctx.env.INVITATION_TTL_HOURS],
    );
    await recordAuditEvent(client, {
      documentId,
      actorUserId: actorId,
      action: 'invitation.created',
      subject: { invitationId: rows[0].id, email, role: input.role, participantId: input.participantId },
    });
    return rows[0];
  });
  return { invitation, token };
}

export async function revokeInvitation(ctx: AppContext, actorId: string, documentId: string, invitationId: string): Promise<void> {
  await withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query(`UPDATE invitations SET revoked_at = now() WHERE id = $1 AND document_id = $2 AND ${PENDING} RETURNING id`, [
      invitationId,
      documentId,
    ]);
    if (!rows[0]) throw new AppError('not_found');
    await recordAuditEvent(client, { documentId, actorUserId: actorId, action: 'invitation.revoked', subject: { invitationId } });
  });
}

export interface PendingInvitation extends InvitationRow {
  document_id: string;
  document_title: Record<string, string>;
  participant: { code: string; name: Record<string, string>; color: string } | null;
  existing_user_id: string | null;
}

/** The invitation a token names, if it can still be accepted; otherwise invitation_invalid. */
export async function findPendingInvitation(ctx: AppContext, token: string): Promise<PendingInvitation> {
  const { rows } = await ctx.pool.query<PendingInvitation>(
    `SELECT i.id, i.email, i.role, i.participant_id, i.expires_at, i.document_id, d.title AS document_title,
            CASE WHEN p.id IS NULL THEN NULL ELSE jsonb_build_object('code', p.code, 'name', p.name, 'color', p.color) END AS participant,
            u.id AS existing_user_id
       FROM invitations i JOIN documents d ON d.id = i.document_id
       LEFT JOIN participants p ON p.id = i.participant_id
       LEFT JOIN users u ON u.email = i.email
      WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`,
    [tokenHash(token)],
  );
  if (!rows[0]) throw new AppError('invitation_invalid');
  return rows[0];
}
