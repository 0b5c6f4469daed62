import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { hashPassword } from '../auth/passwords';
import { assertPasswordAllowed } from '../auth/password-policy';
import { endSessionsOfUser, toSessionUser, type SessionUser, type UserRow } from '../auth/sessions';
import type { AccountRow } from '../presenters/user';
import type { UiLanguage } from '../i18n';

const ACCOUNT_COLUMNS = 'id, email, display_name, ui_language, is_admin, disabled_at, created_at';

export async function listAccounts(ctx: AppContext): Promise<AccountRow[]> {
  const { rows } = await ctx.pool.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM users ORDER BY lower(display_name), email`);
  return rows;
}

/** Creates an account (the first administrator, from the command line). */
export async function createUser(
  ctx: Pick<AppContext, 'pool'>,
  input: { email: string; displayName: string; password: string; isAdmin: boolean; uiLanguage?: UiLanguage },
): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  assertPasswordAllowed(input.password, { email, displayName: input.displayName });
  const hash = await hashPassword(input.password);
  return withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<UserRow>(
      `INSERT INTO users (email, display_name, ui_language, password_hash, is_admin) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id, email, display_name, ui_language, is_admin`,
      [email, input.displayName.trim(), input.uiLanguage ?? 'en', hash, input.isAdmin],
    );
    if (!rows[0]) throw new AppError('email_taken');
    await recordAuditEvent(client, {
      documentId: null,
      actorUserId: null,
      action: 'user.created',
      subject: { userId: rows[0].id, isAdmin: input.isAdmin, via: 'command line' },
    });
    return toSessionUser(rows[0]);
  });
}

/** A person changes their own name or interface language. */
export async function updateProfile(ctx: AppContext, userId: string, changes: { displayName?: string; uiLanguage?: UiLanguage }): Promise<SessionUser> {
  const { rows } = await ctx.pool.query<UserRow>(
    `UPDATE users SET display_name = coalesce($2, display_name), ui_language = coalesce($3, ui_language), updated_at = now()
      WHERE id = $1 RETURNING id, email, display_name, ui_language, is_admin`,
    [userId, changes.displayName?.trim() ?? null, changes.uiLanguage ?? null],
  );
  return toSessionUser(rows[0]);
}

/**
 * An administrator disables, re-enables or promotes an account. Disabling ends every session of
 * the account and closes all its sockets.
 */
export async function updateAccount(ctx: AppContext, actorId: string, userId: string, changes: { disabled?: boolean; isAdmin?: boolean }): Promise<AccountRow> {
  if (userId === actorId && (changes.disabled === true || changes.isAdmin === false)) throw new AppError('forbidden');
  const { account, endedSessions } = await withTransaction(ctx.pool, async (client) => {
    const before = await client.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [userId]);
    if (!before.rows[0]) throw new AppError('not_found');
    const { rows } = await client.query<AccountRow>(
      `UPDATE users SET
         disabled_at = CASE WHEN $2::boolean IS NULL THEN disabled_at WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END,
         is_admin = coalesce($3, is_admin), updated_at = now()
       WHERE id = $1 RETURNING ${ACCOUNT_COLUMNS}`,
      [userId, changes.disabled ?? null, changes.isAdmin ?? null],
    );
    const ended = changes.disabled ? await endSessionsOfUser(client, userId) : [];
    if (changes.disabled !== undefined && changes.disabled !== (before.rows[0].disabled_at !== null)) {
      await recordAuditEvent(client, {
        documentId: null,
        actorUserId: actorId,
        action: changes.disabled ? 'user.disabled' : 'user.enabled',
        subject: { userId },
      });
    }
    if (changes.isAdmin !== undefined && changes.isAdmin !== before.rows[0].is_admin) {
      await recordAuditEvent(client, {
        documentId: null,
        actorUserId: actorId,
        action: changes.isAdmin ? 'user.promoted' : 'user.demoted',
        subject: { userId },
      });
    }
    return { account: rows[0], endedSessions: ended };
  });
  if (changes.disabled) {
    ctx.events.emit('user.disabled', { userId });
    for (const sessionId of endedSessions) ctx.events.emit('session.ended', { sessionId, userId });
  }
  return account;
}
