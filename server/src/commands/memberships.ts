import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import type { Role } from '../../../shared/src/policy';
import type { MemberRow } from '../presenters/member';
import { assertRoleFits, assertSecretariatRemains } from './membership-rules';

export interface MembershipInput {
  userId?: string;
  email?: string;
  role: Role;
  participantId: string | null;
}

const MEMBER_SELECT = `SELECT m.id, m.user_id, u.display_name, u.email, m.role, m.participant_id, m.may_confirm_for_capital
  FROM memberships m JOIN users u ON u.id = m.user_id`;

export async function listMembers(ctx: AppContext, documentId: string): Promise<MemberRow[]> {
  const { rows } = await ctx.pool.query<MemberRow>(`${MEMBER_SELECT} WHERE m.document_id = $1 ORDER BY m.created_at, u.display_name`, [documentId]);
  return rows;
}

/** Makes an existing account a member of the document with one role. */
export async function addMembership(ctx: AppContext, actorId: string, documentId: string, input: MembershipInput): Promise<MemberRow> {
  const member = await withTransaction(ctx.pool, async (client) => {
    await assertRoleFits(client, documentId, input.role, input.participantId);
    const user = input.userId
      ? await client.query<{ id: string }>('SELECT id FROM users WHERE id = $1', [input.userId])
      : await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [input.email?.trim().toLowerCase()]);
    if (!user.rows[0]) throw new AppError('no_such_user');
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (document_id, user_id) DO NOTHING RETURNING id`,
      [documentId, user.rows[0].id, input.role, input.participantId],
    );
    if (!inserted.rows[0]) throw new AppError('already_member');
    await recordAuditEvent(client, {
      documentId,
      actorUserId: actorId,
      action: 'membership.created',
      subject: { membershipId: inserted.rows[0].id, userId: user.rows[0].id, role: input.role, participantId: input.participantId },
    });
    const { rows } = await client.query<MemberRow>(`${MEMBER_SELECT} WHERE m.id = $1`, [inserted.rows[0].id]);
    return rows[0];
  });
  ctx.events.emit('membership.changed', { userId: member.user_id, documentId, removed: false });
  return member;
}

/** Changes a member's role (and Participant); their open sockets on the document are re-checked. */
export async function changeMembership(
  ctx: AppContext,
  actorId: string,
  documentId: string,
  membershipId: string,
  change: { role: Role; participantId: string | null; mayConfirmForCapital?: boolean },
): Promise<MemberRow> {
  const member = await withTransaction(ctx.pool, async (client) => {
    const current = await client.query<{ role: Role; participant_id: string | null; user_id: string; may_confirm_for_capital: boolean }>(
      'SELECT role, participant_id, user_id, may_confirm_for_capital FROM memberships WHERE id = $1 AND document_id = $2 FOR UPDATE',
      [membershipId, documentId],
    );
    const before = current.rows[0];
    if (!before) throw new AppError('not_found');
    await assertRoleFits(client, documentId, change.role, change.participantId);
    if (before.role === 'secretariat' && change.role !== 'secretariat') await assertSecretariatRemains(client, documentId, membershipId);
    // Only a delegate speaks for the capital; another role, or another Participant, starts without it.
    if (change.mayConfirmForCapital && change.role !== 'delegate') {
      throw new AppError('validation_failed', { field: 'mayConfirmForCapital', reason: 'only a delegate may confirm for the capital' });
    }
    const keeps = change.role === 'delegate' && change.participantId === before.participant_id && before.may_confirm_for_capital;
    const forCapital = change.mayConfirmForCapital ?? keeps;
    await client.query('UPDATE memberships SET role = $2, participant_id = $3, may_confirm_for_capital = $4 WHERE id = $1', [
      membershipId,
      change.role,
      change.participantId,
      forCapital,
    ]);
    await recordAuditEvent(client, {
      documentId,
      actorUserId: actorId,
      action: 'membership.changed',
      subject: {
        membershipId,
        userId: before.user_id,
        from: { role: before.role, participantId: before.participant_id, mayConfirmForCapital: before.may_confirm_for_capital },
        to: { role: change.role, participantId: change.participantId, mayConfirmForCapital: forCapital },
      },
    });
    const { rows } = await client.query<MemberRow>(`${MEMBER_SELECT} WHERE m.id = $1`, [membershipId]);
    return rows[0];
  });
  ctx.events.emit('membership.changed', { userId: member.user_id, documentId, removed: false });
  return member;
}

/** Removes a member: their access to the document ends at once, on every channel. */
export async function removeMembership(ctx: AppContext, actorId: string, documentId: string, membershipId: string): Promise<void> {
  const userId = await withTransaction(ctx.pool, async (client) => {
    const current = await client.query<{ role: Role; participant_id: string | null; user_id: string }>(
      'SELECT role, participant_id, user_id FROM memberships WHERE id = $1 AND document_id = $2 FOR UPDATE',
      [membershipId, documentId],
    );
    const before = current.rows[0];
    if (!before) throw new AppError('not_found');
    if (before.role === 'secretariat') await assertSecretariatRemains(client, documentId, membershipId);
    await client.query('DELETE FROM memberships WHERE id = $1', [membershipId]);
    await client.query('DELETE FROM collab_tokens WHERE user_id = $1 AND document_id = $2', [before.user_id, documentId]);
    await recordAuditEvent(client, {
      documentId,
      actorUserId: actorId,
      action: 'membership.removed',
      subject: { membershipId, userId: before.user_id, role: before.role, participantId: before.participant_id },
    });
    return before.user_id;
  });
  ctx.events.emit('membership.changed', { userId, documentId, removed: true });
}
