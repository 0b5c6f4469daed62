/**
 * Signing in through a ministry's identity provider (OpenID Connect, authorization code flow with
 * PKCE, state and nonce; docs/api.md, "Single sign-on").
 *
 *  [S1] Only an enabled provider starts or finishes a sign-in, and only for an address in its domains
 *       at the moment of the callback.
 *  [S2] The ID token is checked by openid-client (signature, issuer, audience, expiry, nonce); the
 *       callback's state must name an unspent transaction this browser started (sso-transactions.ts).
 *  [S3] The email must be verified by the provider (`email_verified: true`, in the ID token or from
 *       userinfo). An unverified claim never finds, links or creates an account.
 *  [S4] The person is the account linked to (provider, sub); on a first sign-in, the account with that
 *       verified email, then linked; else a new account only when an invitation for that email is
 *       pending or the provider allows creating accounts.
 *  [S5] The session is an ordinary Concordia session (auth/sessions.ts startSession), marked with the
 *       provider it came through, so disabling the provider ends it.
 */
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { startSession, toSessionUser, type UserRow } from '../auth/sessions';
import { endPreviousSession, type SignedIn } from './sign-in';
import { emailDomain, findProvider, type ProviderRow } from '../identity/provider-rows';
import { configurationFor, oidc } from '../identity/oidc-configuration';
import { saveTransaction, spendTransaction } from '../identity/sso-transactions';
import { SsoError, ssoFailureOf, type SsoFailure } from '../identity/sso-failure';

export const CALLBACK_PATH = '/api/auth/sso/callback';

/** A same-site path to return to after signing in (as the client's ?next=), else the negotiations list. */
export function safeReturnPath(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || [...next].some((c) => c.charCodeAt(0) < 0x20)) return '/';
  return next;
}

async function enabledProvider(ctx: AppContext, providerId: string): Promise<ProviderRow> {
  const provider = await findProvider(ctx.pool, providerId);
  if (!provider) throw new SsoError('identity_provider_not_found', 'unknown provider');
  if (!provider.enabled) throw new SsoError('sso_provider_disabled', 'provider disabled');
  return provider;
}

async function discover(ctx: AppContext, provider: ProviderRow): Promise<oidc.Configuration> {
  try {
    return await configurationFor(ctx.env, provider);
  } catch (err) {
    ctx.log.warn({ err, providerId: provider.id, issuer: provider.issuer }, 'identity provider discovery failed');
    throw new SsoError('sso_provider_unavailable', `discovery failed: ${(err as Error).message}`);
  }
}

/** Where to send the browser: the provider's authorization endpoint, for a transaction kept here [S2]. */
export async function startProviderSignIn(
  ctx: AppContext,
  input: { providerId: string; email?: string; next?: string; origin: string; binding: string },
): Promise<URL> {
  const provider = await enabledProvider(ctx, input.providerId);
  const config = await discover(ctx, provider);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const redirectUri = `${input.origin}${CALLBACK_PATH}`;
  await saveTransaction(ctx.pool, state, input.binding, {
    providerId: provider.id,
    nonce,
    codeVerifier,
    redirectUri,
    returnPath: safeReturnPath(input.next),
  });
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  };
  if (input.email) parameters.login_hint = input.email;
  return oidc.buildAuthorizationUrl(config, parameters);
}

interface VouchedIdentity {
  subject: string;
  email: string;
  name: string | null;
  locale: string | null;
}

/** The verified identity the provider vouches for [S2][S3]. */
async function redeemCode(ctx: AppContext, provider: ProviderRow, callbackUrl: URL, tx: { nonce: string; codeVerifier: string }, state: string) {
  const config = await discover(ctx, provider);
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: tx.codeVerifier,
    expectedState: state,
    expectedNonce: tx.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new SsoError('sso_token_invalid', 'no ID token');
  let source: Record<string, unknown> = claims;
  if (claims.email === undefined && tokens.access_token) source = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
  const email = typeof source.email === 'string' ? source.email.trim().toLowerCase() : '';
  if (!email || !email.includes('@')) throw new SsoError('sso_email_unverified', 'no email claim');
  if (source.email_verified !== true) throw new SsoError('sso_email_unverified', `email ${email} not verified by the provider`);
  if (!provider.domains.includes(emailDomain(email))) throw new SsoError('sso_email_domain', `email domain ${emailDomain(email)} not vouched for`);
  const identity: VouchedIdentity = {
    subject: claims.sub,
    email,
    name: typeof source.name === 'string' && source.name.trim() ? source.name.trim().slice(0, 200) : null,
    locale: typeof source.locale === 'string' ? source.locale : null,
  };
  return { identity, idToken: tokens.id_token ?? null };
}

export type ProviderSignIn = SignedIn & { returnPath: string; providerId: string };

/** Finishes a sign-in from the provider's redirect; throws SsoError (its code for the person, its reason for the audit). */
export async function completeProviderSignIn(
  ctx: AppContext,
  input: { search: string; binding: string | null; previousToken: string | null; ip: string },
): Promise<ProviderSignIn> {
  const state = new URLSearchParams(input.search).get('state') ?? '';
  const tx = await spendTransaction(ctx.pool, state, input.binding);
  if (!tx) {
    const failure = { code: 'sso_state_invalid', reason: state ? 'state unknown, spent, expired or from another browser' : 'no state' } as const;
    await recordSsoFailure(ctx, null, failure, input.ip);
    throw new SsoError(failure.code, failure.reason);
  }
  const provider = await findProvider(ctx.pool, tx.providerId);
  // The address the provider redirected to, as sent in the authorization request (not the Host header of this request).
  const callbackUrl = new URL(`${tx.redirectUri}${input.search}`);
  try {
    if (!provider) throw new SsoError('identity_provider_not_found', 'unknown provider');
    if (!provider.enabled) throw new SsoError('sso_provider_disabled', 'provider disabled');
    const { identity, idToken } = await redeemCode(ctx, provider, callbackUrl, tx, state);
    const signedIn = await openSession(ctx, provider, identity, idToken);
    if (input.previousToken) await endPreviousSession(ctx, input.previousToken);
    ctx.log.info({ userId: signedIn.user.id, providerId: provider.id }, 'signed in through an identity provider');
    return { ...signedIn, returnPath: tx.returnPath, providerId: provider.id };
  } catch (err) {
    const failure = ssoFailureOf(err);
    await recordSsoFailure(ctx, tx.providerId, failure, input.ip);
    throw new SsoError(failure.code, failure.reason);
  }
}

async function openSession(ctx: AppContext, provider: ProviderRow, identity: VouchedIdentity, idToken: string | null): Promise<SignedIn> {
  return withTransaction(ctx.pool, async (client) => {
    const columns = 'u.id, u.email, u.display_name, u.ui_language, u.is_admin, u.disabled_at IS NOT NULL AS disabled';
    const linked = await client.query<UserRow & { disabled: boolean }>(
      `SELECT ${columns} FROM linked_identities l JOIN users u ON u.id = l.user_id WHERE l.provider_id = $1 AND l.subject = $2`,
      [provider.id, identity.subject],
    );
    let user = linked.rows[0];
    const facts = { providerId: provider.id, subject: identity.subject, email: identity.email };
    if (!user) {
      const byEmail = await client.query<UserRow & { disabled: boolean }>(`SELECT ${columns} FROM users u WHERE u.email = $1 FOR UPDATE`, [identity.email]);
      user = byEmail.rows[0] ?? (await createAccount(client, provider, identity));
      if (!user) throw new SsoError('sso_no_account', `no account for ${identity.email}, no invitation, provider creates none`);
      if (user.disabled) throw new SsoError('sso_account_disabled', 'account disabled');
      await client.query(
        'INSERT INTO linked_identities (provider_id, subject, user_id, email) VALUES ($1, $2, $3, $4) ON CONFLICT (provider_id, subject) DO NOTHING',
        [provider.id, identity.subject, user.id, identity.email],
      );
      await recordAuditEvent(client, { documentId: null, actorUserId: user.id, action: 'sso.linked', subject: { ...facts, userId: user.id } });
    } else {
      if (user.disabled) throw new SsoError('sso_account_disabled', 'account disabled');
      await client.query('UPDATE linked_identities SET last_used_at = now(), email = $3 WHERE provider_id = $1 AND subject = $2', [
        provider.id,
        identity.subject,
        identity.email,
      ]);
    }
    const session = await startSession(client, user.id, ctx.env);
    await client.query('UPDATE sessions SET identity_provider_id = $2, id_token_hint = $3 WHERE id = $1', [session.id, provider.id, idToken]);
    await recordAuditEvent(client, { documentId: null, actorUserId: user.id, action: 'sso.signed_in', subject: { ...facts, userId: user.id } });
    return { token: session.token, sessionId: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt, user: toSessionUser(user) };
  });
}

/** A new account for a verified address [S4]: only with a pending invitation for it, or when the provider allows it. */
async function createAccount(client: import('pg').PoolClient, provider: ProviderRow, identity: VouchedIdentity) {
  const invited = await client.query(
    'SELECT 1 FROM invitations WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() LIMIT 1',
    [identity.email],
  );
  if (invited.rows.length === 0 && !provider.allow_account_creation) return undefined;
  const displayName = identity.name ?? identity.email.slice(0, identity.email.indexOf('@'));
  const { rows } = await client.query<UserRow & { disabled: boolean }>(
    `INSERT INTO users (email, display_name, ui_language) VALUES ($1, $2, $3)
     RETURNING id, email, display_name, ui_language, is_admin, false AS disabled`,
    [identity.email, displayName, identity.locale?.toLowerCase().startsWith('es') ? 'es' : 'en'],
  );
  await recordAuditEvent(client, {
    documentId: null,
    actorUserId: rows[0].id,
    action: 'sso.account_created',
    subject: { providerId: provider.id, userId: rows[0].id, via: invited.rows.length > 0 ? 'invitation' : 'provider' },
  });
  return rows[0];
}

/** Every refused sign-in through a provider is in the audit chain, with why. */
export async function recordSsoFailure(ctx: AppContext, providerId: string | null, failure: SsoFailure, ip: string): Promise<void> {
  ctx.log.warn({ providerId, code: failure.code, reason: failure.reason, ip }, 'sign-in through an identity provider refused');
  try {
    await withTransaction(ctx.pool, (client) =>
      recordAuditEvent(client, {
        documentId: null,
        actorUserId: null,
        action: 'sso.failed',
        subject: { providerId, code: failure.code, reason: failure.reason },
      }),
    );
  } catch (err) {
    ctx.log.error({ err }, 'sso failure not recorded');
  }
}

/** RP-initiated logout: the provider's end_session_endpoint for this session, when it came through one that offers it. */
export async function providerLogoutUrl(ctx: AppContext, sessionId: string, postLogoutRedirectUri: string): Promise<string | null> {
  const { rows } = await ctx.pool.query<{ identity_provider_id: string | null; id_token_hint: string | null }>(
    'SELECT identity_provider_id, id_token_hint FROM sessions WHERE id = $1',
    [sessionId],
  );
  const providerId = rows[0]?.identity_provider_id;
  if (!providerId) return null;
  const provider = await findProvider(ctx.pool, providerId);
  if (!provider) return null;
  try {
    const config = await configurationFor(ctx.env, provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: provider.client_id };
    if (rows[0].id_token_hint) parameters.id_token_hint = rows[0].id_token_hint;
    return oidc.buildEndSessionUrl(config, parameters).href;
  } catch (err) {
    ctx.log.warn({ err, providerId }, 'RP-initiated logout unavailable');
    return null;
  }
}
