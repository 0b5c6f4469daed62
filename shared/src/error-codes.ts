/**
 * Stable error codes: the API's `error.code`, the collab close reasons and the keys of the
 * translated messages (`errors.<code>` in shared/locales). Never rename one; add new ones.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unknown_field',
  'payload_too_large',
  'unauthenticated',
  'session_expired',
  'invalid_credentials',
  'too_many_attempts',
  'csrf_failed',
  'forbidden',
  'origin_not_allowed',
  'not_found',
  'conflict',
  'text_changed',
  'document_frozen',
  'document_unavailable',
  'internal',
  'invitation_invalid',
  'already_member',
  'participant_in_use',
  'participant_code_taken',
  'unknown_participant',
  'role_participant_mismatch',
  'last_secretariat',
  'email_taken',
  'no_such_user',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unknown_field: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  too_many_attempts: 429,
  csrf_failed: 403,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  text_changed: 409,
  document_frozen: 423,
  document_unavailable: 503,
  internal: 500,
  invitation_invalid: 404,
  already_member: 409,
  participant_in_use: 409,
  participant_code_taken: 409,
  unknown_participant: 400,
  role_participant_mismatch: 400,
  last_secretariat: 409,
  email_taken: 409,
  no_such_user: 404,
};
