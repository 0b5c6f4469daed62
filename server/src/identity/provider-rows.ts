/**
 * Identity providers as stored (migration 020). The client secret is read back only to talk to the
 * provider's token endpoint, sealed under the purpose `identity_provider:<id>`: a sealed value copied
 * to another row does not open there.
 */
import type { Queryable } from '../db/queryable';
import type { Env } from '../config/env';
import { secretBox } from '../auth/secret-box';

export interface ProviderRow {
  id: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string | null;
  domains: string[];
  participant_code: string | null;
  display_name: { en?: string; es?: string };
  allow_account_creation: boolean;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

export const PROVIDER_COLUMNS =
  'id, issuer, client_id, client_secret_sealed, domains, participant_code, display_name, allow_account_creation, enabled, created_at, updated_at';

export const secretPurpose = (providerId: string) => `identity_provider:${providerId}`;

export async function findProvider(db: Queryable, providerId: string): Promise<ProviderRow | null> {
  const { rows } = await db.query<ProviderRow>(`SELECT ${PROVIDER_COLUMNS} FROM identity_providers WHERE id = $1`, [providerId]);
  return rows[0] ?? null;
}

/** The enabled providers that vouch for exactly this domain (never a list of all of them). */
export async function providersForDomain(db: Queryable, domain: string): Promise<ProviderRow[]> {
  const { rows } = await db.query<ProviderRow>(
    `SELECT ${PROVIDER_COLUMNS} FROM identity_providers WHERE enabled AND $1 = ANY(domains) ORDER BY display_name->>'en', id`,
    [domain],
  );
  return rows;
}

/** The client secret in clear, for the token request; undefined for a public client. */
export function openClientSecret(env: Pick<Env, 'IDENTITY_SECRET_KEY'>, row: ProviderRow): string | undefined {
  if (row.client_secret_sealed === null) return undefined;
  return secretBox(env).open(row.client_secret_sealed, secretPurpose(row.id));
}

export const emailDomain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
