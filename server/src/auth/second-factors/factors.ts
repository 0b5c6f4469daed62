/** What second factors a person has: the one place that decides whether sign-in asks for one. */
import type { Queryable } from '../../db/queryable';
import type { SecondFactorMethod, SecondFactors } from '../../../../shared/src/api/second-factors';

/** SQL: whether user `$n` has a factor that counts (a confirmed authenticator app or a passkey). Recovery codes alone do not. */
export const HAS_SECOND_FACTOR_SQL = (userParam: string) =>
  `(EXISTS (SELECT 1 FROM totp_factors tf WHERE tf.user_id = ${userParam} AND tf.confirmed_at IS NOT NULL)
    OR EXISTS (SELECT 1 FROM webauthn_credentials wc WHERE wc.user_id = ${userParam}))`;

export async function secondFactorsOf(db: Queryable, userId: string): Promise<SecondFactors> {
  const totp = await db.query<{ confirmed_at: Date; last_used_at: Date | null }>(
    'SELECT confirmed_at, last_used_at FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL',
    [userId],
  );
  const passkeys = await db.query<{ id: string; label: string; created_at: Date; last_used_at: Date | null }>(
    'SELECT id, label, created_at, last_used_at FROM webauthn_credentials WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
  const codes = await db.query<{ left: number }>('SELECT count(*)::int AS left FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
  const t = totp.rows[0];
  return {
    totp: t ? { confirmedAt: t.confirmed_at.toISOString(), lastUsedAt: t.last_used_at?.toISOString() ?? null } : null,
    passkeys: passkeys.rows.map((p) => ({
      id: p.id,
      label: p.label,
      createdAt: p.created_at.toISOString(),
      lastUsedAt: p.last_used_at?.toISOString() ?? null,
    })),
    recoveryCodesLeft: codes.rows[0]?.left ?? 0,
    enabled: Boolean(t) || passkeys.rows.length > 0,
  };
}

/** The methods sign-in offers a person after the password; empty: no second step. */
export function methodsOf(factors: SecondFactors): SecondFactorMethod[] {
  if (!factors.enabled) return [];
  const methods: SecondFactorMethod[] = [];
  if (factors.totp) methods.push('totp');
  if (factors.passkeys.length > 0) methods.push('passkey');
  if (factors.recoveryCodesLeft > 0) methods.push('recovery');
  return methods;
}
