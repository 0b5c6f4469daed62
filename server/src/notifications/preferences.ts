/** Which kinds of notification come by mail, per person: a row per choice made, the default otherwise. */
import type { Queryable } from '../db/queryable';
import { MAIL_BY_DEFAULT, NOTIFICATION_KINDS, type NotificationKind, type NotificationPreferences } from '../../../shared/src/api/notifications';

export async function readPreferences(db: Queryable, userId: string): Promise<NotificationPreferences> {
  const { rows } = await db.query<{ kind: NotificationKind; by_mail: boolean }>('SELECT kind, by_mail FROM notification_preferences WHERE user_id = $1', [
    userId,
  ]);
  const mail = { ...MAIL_BY_DEFAULT };
  for (const row of rows) mail[row.kind] = row.by_mail;
  return { mail };
}

/** Records the choices given (the others stay as they were) and answers all of them. */
export async function writePreferences(db: Queryable, userId: string, mail: Partial<Record<NotificationKind, boolean>>): Promise<NotificationPreferences> {
  const kinds = NOTIFICATION_KINDS.filter((kind) => typeof mail[kind] === 'boolean');
  if (kinds.length > 0) {
    await db.query(
      `INSERT INTO notification_preferences (user_id, kind, by_mail)
       SELECT $1, kind, by_mail FROM unnest($2::text[], $3::boolean[]) AS choice (kind, by_mail)
       ON CONFLICT (user_id, kind) DO UPDATE SET by_mail = EXCLUDED.by_mail, updated_at = now()`,
      [userId, kinds, kinds.map((kind) => mail[kind])],
    );
  }
  return readPreferences(db, userId);
}

/** Of these people, those who chose mail for `kind` (or left it at a default of yes). */
export async function wantingMail(db: Queryable, userIds: readonly string[], kind: NotificationKind): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const { rows } = await db.query<{ user_id: string; by_mail: boolean }>(
    'SELECT user_id, by_mail FROM notification_preferences WHERE user_id = ANY ($1::uuid[]) AND kind = $2',
    [userIds, kind],
  );
  const chosen = new Map(rows.map((r) => [r.user_id, r.by_mail]));
  return new Set(userIds.filter((id) => chosen.get(id) ?? MAIL_BY_DEFAULT[kind]));
}
