import type { IdentityProvider } from '../../../shared/src/api/identity-providers';
import type { ProviderRow } from '../identity/provider-rows';

/** A provider as administrators see it: everything but the client secret, of which only its presence. */
export function presentIdentityProvider(row: ProviderRow & { linked_identities?: number }): IdentityProvider {
  return {
    id: row.id,
    issuer: row.issuer,
    clientId: row.client_id,
    hasClientSecret: row.client_secret_sealed !== null,
    domains: row.domains,
    participantCode: row.participant_code,
    displayName: { en: row.display_name.en ?? '', es: row.display_name.es ?? '' },
    allowAccountCreation: row.allow_account_creation,
    enabled: row.enabled,
    linkedIdentities: Number(row.linked_identities ?? 0),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
