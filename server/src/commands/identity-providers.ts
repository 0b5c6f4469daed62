import crypto from 'node:crypto';
import type pg from 'pg';
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { secretBox } from '../auth/secret-box';
import { PROVIDER_COLUMNS, secretPurpose, type ProviderRow } from '../identity/provider-rows';
import { forgetConfiguration } from '../identity/oidc-configuration';
import type { IdentityProviderBody, IdentityProviderChanges } from '../../../shared/src/api/identity-providers';

export type ListedProvider = ProviderRow & { linked_identities: number };

const LINKED = '(SELECT count(*)::int FROM linked_identities l WHERE l.provider_id = p.id) AS linked_identities';

export async function listIdentityProviders(ctx: AppContext): Promise<ListedProvider[]> {
  const { rows } = await ctx.pool.query<ListedProvider>(
    `SELECT ${PROVIDER_COLUMNS.split(', ')
      .map((c) => `p.${c}`)
      .join(', ')}, ${LINKED} FROM identity_providers p ORDER BY p.display_name->>'en', p.id`,
  );
  return rows;
}

/** A secret is kept only sealed: without IDENTITY_SECRET_KEY it is refused rather than stored in clear. */
function sealSecret(ctx: AppContext, providerId: string, secret: string): string {
  const box = secretBox(ctx.env);
  if (!box.encrypts) throw new AppError('identity_secret_key_missing');
  return box.seal(secret, secretPurpose(providerId));
}

/** What the audit records of a provider: its settings, never its secret. */
const auditFacts = (row: ProviderRow) => ({
  providerId: row.id,
  issuer: row.issuer,
  clientId: row.client_id,
  domains: row.domains,
  participantCode: row.participant_code,
  allowAccountCreation: row.allow_account_creation,
  enabled: row.enabled,
  hasClientSecret: row.client_secret_sealed !== null,
});

export async function createIdentityProvider(ctx: AppContext, actorId: string, input: IdentityProviderBody): Promise<ListedProvider> {
  const id = crypto.randomUUID();
  const sealed = input.clientSecret === undefined ? null : sealSecret(ctx, id, input.clientSecret);
  return withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<ProviderRow>(
      `INSERT INTO identity_providers (id, issuer, client_id, client_secret_sealed, domains, participant_code, display_name, allow_account_creation, enabled, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${PROVIDER_COLUMNS}`,
      [
        id,
        input.issuer,
        input.clientId,
        sealed,
        input.domains,
        input.participantCode ?? null,
        JSON.stringify(input.displayName),
        input.allowAccountCreation ?? false,
        input.enabled ?? true,
        actorId,
      ],
    );
    await recordAuditEvent(client, { documentId: null, actorUserId: actorId, action: 'identity_provider.created', subject: auditFacts(rows[0]) });
    return { ...rows[0], linked_identities: 0 };
  });
}

/**
 * Changes a provider. Disabling it ends every session that came through it; removing a domain ends
 * those of its people whose address is in that domain. Their sockets close once this commits.
 */
export async function updateIdentityProvider(ctx: AppContext, actorId: string, providerId: string, changes: IdentityProviderChanges): Promise<ListedProvider> {
  const sealed = typeof changes.clientSecret === 'string' ? sealSecret(ctx, providerId, changes.clientSecret) : changes.clientSecret;
  const { row, ended } = await withTransaction(ctx.pool, async (client) => {
    const before = await client.query<ProviderRow>(`SELECT ${PROVIDER_COLUMNS} FROM identity_providers WHERE id = $1 FOR UPDATE`, [providerId]);
    if (!before.rows[0]) throw new AppError('identity_provider_not_found');
    const { rows } = await client.query<ProviderRow>(
      `UPDATE identity_providers SET
         issuer = coalesce($2, issuer), client_id = coalesce($3, client_id),
         client_secret_sealed = CASE WHEN $4::boolean THEN $5 ELSE client_secret_sealed END,
         domains = coalesce($6, domains), participant_code = CASE WHEN $7::boolean THEN $8 ELSE participant_code END,
         display_name = coalesce($9::jsonb, display_name), allow_account_creation = coalesce($10, allow_account_creation),
         enabled = coalesce($11, enabled), updated_at = now()
       WHERE id = $1 RETURNING ${PROVIDER_COLUMNS}`,
      [
        providerId,
        changes.issuer ?? null,
        changes.clientId ?? null,
        sealed !== undefined,
        sealed ?? null,
        changes.domains ?? null,
        changes.participantCode !== undefined,
        changes.participantCode ?? null,
        changes.displayName ? JSON.stringify(changes.displayName) : null,
        changes.allowAccountCreation ?? null,
        changes.enabled ?? null,
      ],
    );
    const after = rows[0];
    const wasEnabled = before.rows[0].enabled;
    const action =
      wasEnabled && !after.enabled ? 'identity_provider.disabled' : !wasEnabled && after.enabled ? 'identity_provider.enabled' : 'identity_provider.updated';
    await recordAuditEvent(client, {
      documentId: null,
      actorUserId: actorId,
      action,
      subject: { ...auditFacts(after), secretChanged: sealed !== undefined },
    });
    return { row: after, ended: await endSessionsNoLongerVouched(client, after) };
  });
  forgetConfiguration(providerId);
  for (const session of ended) ctx.events.emit('session.ended', { sessionId: session.id, userId: session.user_id });
  const linked = await ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM linked_identities WHERE provider_id = $1', [providerId]);
  return { ...row, linked_identities: linked.rows[0].n };
}

/** Sessions that came through a provider which no longer vouches for them: all when disabled, else those outside its domains. */
async function endSessionsNoLongerVouched(client: pg.PoolClient, provider: ProviderRow): Promise<Array<{ id: string; user_id: string }>> {
  const { rows } = await client.query<{ id: string; user_id: string }>(
    `UPDATE sessions s SET ended_at = now() FROM users u
      WHERE u.id = s.user_id AND s.identity_provider_id = $1 AND s.ended_at IS NULL
        AND (NOT $2::boolean OR NOT (split_part(u.email, '@', 2) = ANY($3::text[])))
      RETURNING s.id, s.user_id`,
    [provider.id, provider.enabled, provider.domains],
  );
  return rows;
}
