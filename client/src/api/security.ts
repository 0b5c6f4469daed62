import { api } from './http';
import type { IdentityEventView, OwnSession, PasswordResetPreview, PasswordResetSent } from '../../../shared/src/api/security';

export const listOwnSessions = () => api.get<{ sessions: OwnSession[] }>('/api/me/sessions');
export const endOwnSession = (sessionId: string) => api.delete(`/api/me/sessions/${encodeURIComponent(sessionId)}`);
export const endOtherSessions = () => api.post<{ ended: number }>('/api/me/sessions/end-others', {});
export const changePassword = (input: { currentPassword: string; newPassword: string }) => api.post<{ ended: number }>('/api/me/password', input);
export const listIdentityEvents = () => api.get<{ events: IdentityEventView[] }>('/api/me/identity-events');

export const sendMemberReset = (documentId: string, userId: string) =>
  api.post<PasswordResetSent>(`/api/documents/${encodeURIComponent(documentId)}/password-resets`, { userId });

const resetPath = (token: string) => `/api/password-resets/${encodeURIComponent(token)}`;
export const getPasswordReset = (token: string) => api.get<{ reset: PasswordResetPreview }>(resetPath(token), { expectSession: false });
export const spendPasswordReset = (token: string, password: string) => api.post<void>(resetPath(token), { password }, { csrf: false, expectSession: false });
