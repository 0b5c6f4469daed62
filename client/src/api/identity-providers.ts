import { api } from './http';
import type { z } from 'zod';
import type {
  IdentityProvider,
  IdentityProviderBody,
  IdentityProviderChanges,
  SsoProviderOption,
  ssoLogoutAnswerSchema,
} from '../../../shared/src/api/identity-providers';

/** The enabled providers that vouch for this address's domain (none for any other). */
export const providersForEmail = (email: string, signal?: AbortSignal) =>
  api.get<{ providers: SsoProviderOption[] }>(`/api/auth/sso/providers?email=${encodeURIComponent(email)}`, { expectSession: false, signal });

/** A top-level navigation: the server answers with a redirect to the provider (or back with ?sso_error=). */
export function startUrl(providerId: string, email: string, next: string): string {
  const query = new URLSearchParams({ providerId });
  if (email) query.set('email', email);
  if (next && next !== '/') query.set('next', next);
  return `/api/auth/sso/start?${query}`;
}

export const logoutEverywhere = () => api.post<z.infer<typeof ssoLogoutAnswerSchema>>('/api/auth/sso/logout', {}, { expectSession: false });

export const listIdentityProviders = () => api.get<{ providers: IdentityProvider[] }>('/api/identity-providers');
export const createIdentityProvider = (body: IdentityProviderBody) => api.post<{ provider: IdentityProvider }>('/api/identity-providers', body);
export const updateIdentityProvider = (id: string, changes: IdentityProviderChanges) =>
  api.patch<{ provider: IdentityProvider }>(`/api/identity-providers/${encodeURIComponent(id)}`, changes);
