/**
 * Why a sign-in through a provider failed, as a stable error code for the person and a reason for the
 * audit record. openid-client checks the ID token (signature, issuer, audience, expiry, nonce) and the
 * callback (state, iss); its errors carry oauth4webapi's codes and, for a claim, which one.
 */
import { AppError } from '../http/errors';
import type { ErrorCode } from '../../../shared/src/error-codes';

export interface SsoFailure {
  code: ErrorCode;
  /** For the audit record and the log: what exactly was wrong. */
  reason: string;
}

export class SsoError extends AppError {
  constructor(
    code: ErrorCode,
    readonly reason: string,
  ) {
    super(code);
  }
}

interface CodedError {
  name?: string;
  code?: string;
  message?: string;
  error?: string;
  cause?: { claim?: string; code?: string; cause?: { claim?: string } } | unknown;
}

const claimOf = (err: CodedError): string | undefined => {
  const cause = err.cause as { claim?: string; cause?: { claim?: string } } | undefined;
  return cause?.claim ?? cause?.cause?.claim;
};

export function ssoFailureOf(err: unknown): SsoFailure {
  if (err instanceof SsoError) return { code: err.code, reason: err.reason };
  if (err instanceof AppError) return { code: err.code, reason: err.code };
  const coded = (err ?? {}) as CodedError;
  if (coded.name === 'AuthorizationResponseError') return { code: 'sso_denied', reason: `provider answered ${coded.error ?? 'an error'}` };
  switch (coded.code) {
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      return { code: 'sso_token_expired', reason: `ID token ${claimOf(coded) ?? 'timestamp'} check failed` };
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED': {
      const claim = claimOf(coded);
      if (claim === 'nonce') return { code: 'sso_nonce_mismatch', reason: 'ID token nonce does not match' };
      return { code: 'sso_token_invalid', reason: `ID token ${claim ?? 'claim'} does not match` };
    }
    case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED':
    case 'OAUTH_INVALID_RESPONSE':
    case 'OAUTH_KEY_SELECTION_FAILED':
    case 'OAUTH_PARSE_ERROR':
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return { code: 'sso_token_invalid', reason: coded.message ?? coded.code };
    case 'OAUTH_RESPONSE_BODY_ERROR':
      return { code: 'sso_denied', reason: `token endpoint answered ${coded.error ?? 'an error'}` };
    default:
      if (coded.name === 'ResponseBodyError') return { code: 'sso_denied', reason: `token endpoint answered ${coded.error ?? 'an error'}` };
      return { code: 'sso_provider_unavailable', reason: coded.message ?? String(err) };
  }
}
