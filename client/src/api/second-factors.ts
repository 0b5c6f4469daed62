import { api, request } from './http';
import type { SessionAnswer } from '../../../shared/src/api/users';
import type { FactorAdded, Reauthentication, SecondFactors, TotpSetup } from '../../../shared/src/api/second-factors';

type Options = { options: Record<string, unknown> };

/** The second step of signing in: no session yet, so no CSRF token (the server checks Origin). */
export const finishSignIn = (
  body: { method: 'totp' | 'recovery'; pendingToken: string; code: string } | { method: 'passkey'; pendingToken: string; response: unknown },
) => api.post<SessionAnswer>('/api/auth/second-factor', body, { csrf: false, expectSession: false });
export const passkeySignInOptions = (pendingToken: string) =>
  api.post<Options>('/api/auth/second-factor/passkey-options', { pendingToken }, { csrf: false, expectSession: false });

export const fetchSecondFactors = () => api.get<SecondFactors>('/api/me/second-factors');
export const startTotpSetup = () => api.post<TotpSetup>('/api/me/second-factors/totp', {});
export const confirmTotpSetup = (code: string) => api.post<FactorAdded>('/api/me/second-factors/totp/confirm', { code });
export const removeTotp = (proof: Reauthentication) => request<SecondFactors>('DELETE', '/api/me/second-factors/totp', proof);
export const passkeyRegistrationOptions = () => api.post<Options>('/api/me/second-factors/passkeys/options', {});
export const addPasskey = (response: unknown, label?: string) =>
  api.post<FactorAdded>('/api/me/second-factors/passkeys', { response, ...(label ? { label } : {}) });
export const removePasskey = (id: string, proof: Reauthentication) =>
  request<SecondFactors>('DELETE', `/api/me/second-factors/passkeys/${encodeURIComponent(id)}`, proof);
export const renewRecoveryCodes = (proof: Reauthentication) => api.post<{ recoveryCodes: string[] }>('/api/me/second-factors/recovery-codes', proof);

export const fetchRequirement = (documentId: string) =>
  api.get<{ required: boolean }>(`/api/documents/${encodeURIComponent(documentId)}/second-factor-requirement`);
export const setRequirement = (documentId: string, required: boolean) =>
  api.put<{ required: boolean }>(`/api/documents/${encodeURIComponent(documentId)}/second-factor-requirement`, { required });
