import { api } from './http';
import { logoutEverywhere } from './identity-providers';
import type { SessionAnswer, User } from '../../../shared/src/api/users';
import type { LoginAnswer } from '../../../shared/src/api/second-factors';

/** A session, or — when the account has a second factor — a pending sign-in for client/src/security/second-factor-step.tsx. */
export const login = (email: string, password: string) => api.post<LoginAnswer>('/api/auth/login', { email, password }, { csrf: false, expectSession: false });

/**
 * Ends the session; one that came through a ministry's identity provider then goes on to its
 * end_session_endpoint (RP-initiated logout), which brings the browser back to /signin.
 */
export async function logout(): Promise<void> {
  const { endSessionUrl } = await logoutEverywhere();
  // After the caller has cleared what this browser kept of the person (a task queued behind it).
  if (endSessionUrl) window.setTimeout(() => window.location.assign(endSessionUrl), 0);
}

export const fetchMe = () => api.get<SessionAnswer>('/api/me', { expectSession: false });

export const updateMe = (changes: { uiLanguage?: string; displayName?: string }) => api.patch<{ user: User } | undefined>('/api/me', changes);
