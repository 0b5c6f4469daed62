/**
 * A sign-in under way, kept server-side (migration 020, `sso_transactions`) for ten minutes: the state,
 * nonce and PKCE code verifier never leave the server but in the authorization request. Its row is
 * found by the SHA-256 of `state` and spent by the first callback that presents it from the browser
 * that started it (the `concordia_sso` cookie): a replayed or foreign callback finds nothing.
 */
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Queryable } from '../db/queryable';
import { TOKEN_PATTERN, randomToken, sameSecret, tokenHash } from '../auth/tokens';

export const SSO_COOKIE = 'concordia_sso';
export const TRANSACTION_MINUTES = 10;

export interface SsoTransaction {
  providerId: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  returnPath: string;
}

/** The browser's binding token: reused while it has one, so two tabs signing in at once both finish. */
export function readSsoBinding(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const value = parseCookie(cookieHeader)[SSO_COOKIE];
  return value && TOKEN_PATTERN.test(value) ? value : null;
}

/** httpOnly, SameSite=Lax (the provider's redirect back is a top-level GET, which carries it), short-lived. */
export function ssoBindingCookie(token: string, secure: boolean): string {
  return stringifySetCookie(SSO_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/api/auth/sso', maxAge: TRANSACTION_MINUTES * 60 });
}

export async function saveTransaction(db: Queryable, state: string, binding: string, tx: SsoTransaction): Promise<void> {
  // Old rows go as new ones come: nothing else reads an expired transaction.
  await db.query(`DELETE FROM sso_transactions WHERE expires_at < now() - interval '1 day'`);
  await db.query(
    `INSERT INTO sso_transactions (state_hash, binding_hash, provider_id, nonce, code_verifier, redirect_uri, return_path, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(mins => $8))`,
    [tokenHash(state), tokenHash(binding), tx.providerId, tx.nonce, tx.codeVerifier, tx.redirectUri, tx.returnPath, TRANSACTION_MINUTES],
  );
}

/** Spends the transaction `state` names, if it is unspent, unexpired and was started by this browser; else null. */
export async function spendTransaction(db: Queryable, state: string, binding: string | null): Promise<SsoTransaction | null> {
  if (!binding || state.length === 0 || state.length > 200) return null;
  const { rows } = await db.query<{
    binding_hash: string;
    provider_id: string;
    nonce: string;
    code_verifier: string;
    redirect_uri: string;
    return_path: string;
  }>(
    `UPDATE sso_transactions SET used_at = now()
      WHERE state_hash = $1 AND binding_hash = $2 AND used_at IS NULL AND expires_at > now()
      RETURNING binding_hash, provider_id, nonce, code_verifier, redirect_uri, return_path`,
    [tokenHash(state), tokenHash(binding)],
  );
  const row = rows[0];
  // Another browser's attempt matches no row, so it does not spend the transaction of the one that started it.
  if (!row || !sameSecret(row.binding_hash, tokenHash(binding))) return null;
  return { providerId: row.provider_id, nonce: row.nonce, codeVerifier: row.code_verifier, redirectUri: row.redirect_uri, returnPath: row.return_path };
}

export const newBinding = () => randomToken(32);
