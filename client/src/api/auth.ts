import { api } from './http';
import type { SessionAnswer, User } from '../../../shared/src/api/users';

export const login = (email: string, password: string) =>
  api.post<SessionAnswer>('/api/auth/login', { email, password }, { csrf: false, expectSession: false });

export const logout = () => api.post<void>('/api/auth/logout', {}, { expectSession: false });

export const fetchMe = () => api.get<SessionAnswer>('/api/me', { expectSession: false });

export const updateMe = (changes: { uiLanguage?: string; displayName?: string }) => api.patch<{ user: User } | undefined>('/api/me', changes);
