/**
 * The relying party's view of each provider, through `openid-client` (the certified library): its
 * discovery document, keys and client authentication. Discovered on first use and kept ten minutes,
 * or until the provider's settings change (forgetConfiguration).
 *
 * openid-client v6 is ESM-only. The server runs under tsx on Node 20.19+, where require(esm) works;
 * Jest's own module system does not, so jest.config.cjs lets @swc/jest compile it (and its
 * dependencies oauth4webapi and jose) to CommonJS (transformIgnorePatterns).
 */
import * as oidc from 'openid-client';
import type { Env } from '../config/env';
import { issuerAllowed } from '../../../shared/src/api/identity-providers';
import { openClientSecret, type ProviderRow } from './provider-rows';

const KEEP_MS = 10 * 60 * 1000;
const TIMEOUT_SECONDS = 10;

const cache = new Map<string, { key: string; at: number; config: Promise<oidc.Configuration> }>();

/** Plain http only for a provider on this machine (a test provider); issuerAllowed refuses it elsewhere. */
const insecureAllowed = (issuer: string) => issuer.startsWith('http://') && issuerAllowed(issuer);

export function configurationFor(env: Pick<Env, 'IDENTITY_SECRET_KEY'>, row: ProviderRow): Promise<oidc.Configuration> {
  const key = `${row.updated_at.getTime()}|${row.issuer}|${row.client_id}`;
  const cached = cache.get(row.id);
  if (cached && cached.key === key && Date.now() - cached.at < KEEP_MS) return cached.config;
  const secret = openClientSecret(env, row);
  const config = oidc.discovery(new URL(row.issuer), row.client_id, undefined, secret === undefined ? oidc.None() : oidc.ClientSecretPost(secret), {
    timeout: TIMEOUT_SECONDS,
    execute: insecureAllowed(row.issuer) ? [oidc.allowInsecureRequests] : [],
  });
  cache.set(row.id, { key, at: Date.now(), config });
  config.catch(() => {
    if (cache.get(row.id)?.config === config) cache.delete(row.id);
  });
  return config;
}

export function forgetConfiguration(providerId: string): void {
  cache.delete(providerId);
}

export { oidc };
