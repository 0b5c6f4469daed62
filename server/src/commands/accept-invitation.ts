import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { assertPasswordAllowed } from '../auth/password-policy';
import { forgiveLoginAttempt, reserveLoginAttempt } from '../auth/login-throttle';
import { startSession, toSessionUser, type UserRow } from '../auth/sessions';
import { tokenHash } from '../auth/tokens';
import type { UiLanguage } from '../i18n';
import { endPreviousSession, type SignedIn } from './sign-in';
import { awaitSecondFactor, type SecondFactorAwaited } from '../auth/second-factors/await-second-factor';

export interface AcceptInput {
  token: string;
  displayName: string;
  password: string;
  uiLanguage?: UiLanguage;
  ip: string;
  previousToken: string | null;
}

/**
 * Accepts an invitation and signs the person in. A new email gets an account with the password
 * chosen here; an existing account must prove itself with its current password (a link is never a
 * way to take over an account), and its name and password stay as they are.
 */
export async function acceptInvitation(ctx: AppContext, input: AcceptInput): Promise<(SignedIn | SecondFactorAwaited) & { documentId: string }> {
  const hash = tokenHash(input.token);
  const pending = await ctx.pool.query<{ email: string }>(
    'SELECT email FROM invitations WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()',
    [hash],
  );
  if (!pending.rows[0]) throw new AppError('invitation_invalid');
  const email = pending.rows[0].email;
  const existing = await ctx.pool.query<{ id: string; password_hash: string | null; disabled: boolean }>(
    'SELECT id, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE email = $1',
    [email],
  );
  const account = existing.rows[0];
  let newHash: string | null = null;
  if (account?.password_hash) {
    const throttle = await reserveLoginAttempt(ctx.pool, ctx.env, { email, ip: input.ip, knownDevice: null });
    if (!throttle.allowed) throw new AppError('too_many_attempts', { seconds: throttle.retryAfterSeconds });
    if (!(await verifyPassword(input.password, account.password_hash)) || account.disabled) throw new AppError('invalid_credentials');
    await forgiveLoginAttempt(ctx.pool, throttle);
  } else {
    if (account?.disabled) throw new AppError('invalid_credentials');
    // A password chosen here follows the rules (NIST SP 800-63B); an existing account's is only checked, as signing in does.
    assertPasswordAllowed(input.password, { email, displayName: input.displayName });
    newHash = await hashPassword(input.password);
  }

  const { user, documentId } = await withTransaction(ctx.pool, async (client) => {
    const invitation = await client.query<{ id: string; document_id: string; role: string; participant_id: string | null }>(
      `SELECT id, document_id, role, participant_id FROM invitations
        WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() FOR UPDATE`,
      [hash],
    );
    const inv = invitation.rows[0];
    if (!inv) throw new AppError('invitation_invalid');
    let userRow: UserRow;
    if (account) {
      const updated = await client.query<UserRow>(
        `UPDATE users SET password_hash = coalesce(password_hash, $2), updated_at = now() WHERE id = $1
         RETURNING id, email, display_name, ui_language, is_admin`,
        [account.id, newHash],
      );
      userRow = updated.rows[0];
    } else {
      const created = await client.query<UserRow>(
        `INSERT INTO users (email, display_name, ui_language, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id, email, display_name, ui_language, is_admin`,
        [email, input.displayName.trim(), input.uiLanguage ?? 'en', newHash],
      );
      if (!created.rows[0]) throw new AppError('conflict');
      userRow = created.rows[0];
      await recordAuditEvent(client, {
        documentId: inv.document_id,
        actorUserId: userRow.id,
        action: 'user.created',
        subject: { userId: userRow.id, via: 'invitation' },
      });
    }
    const membership = await client.query<{ id: string }>(
      `INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (document_id, user_id) DO NOTHING RETURNING id`,
      [inv.document_id, userRow.id, inv.role, inv.participant_id],
    );
    if (!membership.rows[0]) throw new AppError('already_member');
    await client.query('UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1', [inv.id, userRow.id]);
    await recordAuditEvent(client, {
      documentId: inv.document_id,
      actorUserId: userRow.id,
      action: 'invitation.accepted',
      subject: { invitationId: inv.id, membershipId: membership.rows[0].id, userId: userRow.id, role: inv.role, participantId: inv.participant_id },
    });
    return { user: userRow, documentId: inv.document_id };
  });
  ctx.events.emit('membership.changed', { userId: user.id, documentId, removed: false });
  // An account with a second factor is not signed in by its password alone, here either: the invitation
  // is accepted, and the session waits for the factor (POST /api/auth/second-factor).
  if (account) {
    const pending = await awaitSecondFactor(ctx, { userId: user.id, email, ip: input.ip, knownDevice: null });
    if (pending) return { ...pending, documentId };
  }
  if (input.previousToken) await endPreviousSession(ctx, input.previousToken);
  const session = await startSession(ctx.pool, user.id, ctx.env);
  return { token: session.token, sessionId: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt, user: toSessionUser(user), documentId };
}
