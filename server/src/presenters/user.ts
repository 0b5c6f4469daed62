import { z } from 'zod';
import type { SessionUser } from '../auth/sessions';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  uiLanguage: z.enum(['en', 'es']),
  isAdmin: z.boolean(),
}).meta({ id: 'User' });

export type UserOut = z.infer<typeof userSchema>;

/** The signed-in person as the client sees them. */
export function presentUser(user: SessionUser): UserOut {
  return { id: user.id, email: user.email, displayName: user.displayName, uiLanguage: user.uiLanguage, isAdmin: user.isAdmin };
}

export const sessionAnswerSchema = z.object({ user: userSchema, csrfToken: z.string() }).meta({ id: 'SessionAnswer' });

export function presentSession(user: SessionUser, csrfToken: string): z.infer<typeof sessionAnswerSchema> {
  return { user: presentUser(user), csrfToken };
}

export const accountSchema = userSchema.extend({ disabled: z.boolean(), createdAt: z.iso.datetime() }).meta({ id: 'Account' });

export interface AccountRow { id: string; email: string; display_name: string; ui_language: 'en' | 'es'; is_admin: boolean; disabled_at: Date | null; created_at: Date }

/** An account as administrators see it. */
export function presentAccount(row: AccountRow): z.infer<typeof accountSchema> {
  return {
    id: row.id, email: row.email, displayName: row.display_name, uiLanguage: row.ui_language, isAdmin: row.is_admin,
    disabled: row.disabled_at !== null, createdAt: row.created_at.toISOString(),
  };
}
