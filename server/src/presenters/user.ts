import type { Account, SessionAnswer, User } from '../../../shared/src/api/users';
import type { SessionUser } from '../auth/sessions';

/** The signed-in person as the client sees them. */
export function presentUser(user: SessionUser): User {
  return { id: user.id, email: user.email, displayName: user.displayName, uiLanguage: user.uiLanguage, isAdmin: user.isAdmin };
}

export function presentSession(user: SessionUser, csrfToken: string): SessionAnswer {
  return { user: presentUser(user), csrfToken };
}

export interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  ui_language: 'en' | 'es';
  is_admin: boolean;
  disabled_at: Date | null;
  created_at: Date;
}

/** An account as administrators see it. */
export function presentAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    uiLanguage: row.ui_language,
    isAdmin: row.is_admin,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}
