/**
 * Passkeys and security keys (WebAuthn) through @simplewebauthn/server.
 *
 * The relying party is the server's configured origin: PUBLIC_URL when set, else the exact origins of
 * ALLOWED_ORIGINS, else the origin the request came to (same origin, as the Origin checks of
 * auth/origin.ts). Its host name is the rpID. Challenges are kept here, bound to what they were issued
 * for (the session adding a key, or the pending sign-in), live five minutes and are spent by the first
 * answer that names them, right or wrong. The signature counter is stored after every use.
 */
import type { Request } from 'express';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { AppContext } from '../../context';
import type { Queryable } from '../../db/queryable';

const CHALLENGE_SECONDS = 300;
const RP_NAME = 'Concordia';

export interface RelyingParty {
  rpID: string;
  origins: string[];
}

export function relyingParty(ctx: AppContext, req: Request): RelyingParty {
  const configured = ctx.env.PUBLIC_URL
    ? [new URL(ctx.env.PUBLIC_URL).origin]
    : (ctx.env.ALLOWED_ORIGINS?.split(',')
        .map((o) => o.trim())
        .filter(Boolean) ?? []);
  const origins = configured.length > 0 ? configured : [`${req.protocol}://${req.headers.host ?? 'localhost'}`];
  return { rpID: new URL(origins[0]).hostname, origins };
}

interface CredentialRow {
  id: string;
  credential_id: string;
  public_key: Buffer;
  counter: string;
  transports: string[];
}

async function credentialsOf(db: Queryable, userId: string): Promise<CredentialRow[]> {
  const { rows } = await db.query<CredentialRow>(
    'SELECT id, credential_id, public_key, counter::text AS counter, transports FROM webauthn_credentials WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
  return rows;
}

async function keepChallenge(db: Queryable, challenge: string, userId: string, purpose: 'registration' | 'authentication', boundTo: string): Promise<void> {
  await db.query(`DELETE FROM webauthn_challenges WHERE expires_at < now()`);
  await db.query(
    `INSERT INTO webauthn_challenges (challenge, user_id, purpose, bound_to, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [challenge, userId, purpose, boundTo, CHALLENGE_SECONDS],
  );
}

/** The challenge the browser signed, read from clientDataJSON; null when it is not readable. */
function challengeOf(response: { response: { clientDataJSON?: unknown } }): string | null {
  const clientData = response.response.clientDataJSON;
  if (typeof clientData !== 'string') return null;
  try {
    const parsed = JSON.parse(Buffer.from(clientData, 'base64url').toString('utf8')) as { challenge?: unknown };
    return typeof parsed.challenge === 'string' ? parsed.challenge : null;
  } catch {
    return null;
  }
}

/** Spends the challenge an answer names if it was issued for this purpose and binding and is still fresh. */
async function spendChallenge(db: Queryable, challenge: string | null, userId: string, purpose: string, boundTo: string): Promise<boolean> {
  if (!challenge) return false;
  const { rows } = await db.query(
    `DELETE FROM webauthn_challenges WHERE challenge = $1 RETURNING user_id = $2 AND purpose = $3 AND bound_to = $4 AND expires_at > now() AS good`,
    [challenge, userId, purpose, boundTo],
  );
  return rows[0]?.good === true;
}

export async function registrationOptions(
  ctx: AppContext,
  rp: RelyingParty,
  user: { id: string; email: string; displayName: string },
  sessionId: string,
): Promise<Record<string, unknown>> {
  const existing = await credentialsOf(ctx.pool, user.id);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new Uint8Array(Buffer.from(user.id, 'utf8')),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credential_id, transports: c.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await keepChallenge(ctx.pool, options.challenge, user.id, 'registration', sessionId);
  return options as unknown as Record<string, unknown>;
}

/** Verifies a new credential and stores it; false when the answer does not match a challenge of this session. */
export async function addCredential(
  ctx: AppContext,
  rp: RelyingParty,
  input: { userId: string; sessionId: string; response: RegistrationResponseJSON; label: string },
): Promise<{ id: string } | null> {
  if (!(await spendChallenge(ctx.pool, challengeOf(input.response), input.userId, 'registration', input.sessionId))) return null;
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: () => true, // spent above: it was ours, for this session, and fresh
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch (err) {
    ctx.log.warn({ err, userId: input.userId }, 'passkey registration refused');
    return null;
  }
  if (!verified.verified) return null;
  const info = verified.registrationInfo;
  const { rows } = await ctx.pool.query<{ id: string }>(
    `INSERT INTO webauthn_credentials (user_id, credential_id, public_key, counter, transports, device_type, backed_up, label)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (credential_id) DO NOTHING RETURNING id`,
    [
      input.userId,
      info.credential.id,
      Buffer.from(info.credential.publicKey),
      info.credential.counter,
      info.credential.transports ?? [],
      info.credentialDeviceType,
      info.credentialBackedUp,
      input.label,
    ],
  );
  return rows[0] ?? null;
}

export async function authenticationOptions(ctx: AppContext, rp: RelyingParty, userId: string, pendingId: string): Promise<Record<string, unknown>> {
  const credentials = await credentialsOf(ctx.pool, userId);
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: credentials.map((c) => ({ id: c.credential_id, transports: c.transports as AuthenticatorTransportFuture[] })),
    userVerification: 'preferred',
  });
  await keepChallenge(ctx.pool, options.challenge, userId, 'authentication', pendingId);
  return options as unknown as Record<string, unknown>;
}

/** Verifies an assertion by one of the person's credentials against a challenge of this pending sign-in; updates its counter. */
export async function verifyAssertion(
  ctx: AppContext,
  rp: RelyingParty,
  input: { userId: string; pendingId: string; response: AuthenticationResponseJSON },
): Promise<boolean> {
  if (!(await spendChallenge(ctx.pool, challengeOf(input.response), input.userId, 'authentication', input.pendingId))) return false;
  const credential = (await credentialsOf(ctx.pool, input.userId)).find((c) => c.credential_id === input.response.id);
  if (!credential) return false;
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: () => true, // spent above
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpID,
      credential: {
        id: credential.credential_id,
        publicKey: new Uint8Array(credential.public_key),
        counter: Number(credential.counter),
        transports: credential.transports as AuthenticatorTransportFuture[],
      },
      requireUserVerification: false,
    });
    if (!result.verified) return false;
    await ctx.pool.query('UPDATE webauthn_credentials SET counter = $2, last_used_at = now() WHERE id = $1', [
      credential.id,
      result.authenticationInfo.newCounter,
    ]);
    return true;
  } catch (err) {
    ctx.log.warn({ err, userId: input.userId }, 'passkey assertion refused');
    return false;
  }
}

export async function removeCredential(db: Queryable, userId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM webauthn_credentials WHERE id = $1 AND user_id = $2', [id, userId]);
  return (rowCount ?? 0) > 0;
}
