/**
 * Stable error codes shared by server and web. The server maps every code to an HTTP status
 * (exhaustive: adding a code without a status fails the type check); the web translates codes
 * through i18n keys `errors.<code>`.
 */
export const ERROR_STATUS = {
  'request.validation_failed': 400,
  'request.malformed_json': 400,
  'request.unknown_field': 400,
  'request.payload_too_large': 413,
  'request.unsupported_media_type': 415,
  'request.not_found': 404,
  'request.rate_limited': 429,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.session_expired': 401,
  'auth.account_locked': 423,
  'auth.csrf_failed': 403,
  'auth.forbidden': 403,
  'auth.invalid_token': 401,
  'auth.otp_invalid': 401,
  'resource.not_found': 404,
  'resource.conflict': 409,
  'resource.version_conflict': 409,
  'resource.already_exists': 409,
  'state.invalid_transition': 409,
  'calendar.no_data_for_year': 422,
  'domain.rule_violated': 422,
  'idempotency.key_reused': 422,
  'idempotency.in_progress': 409,
  'fieldwork.code_invalid': 422,
  'callback.task_closed': 409,
  'callback.link_used': 409,
  'callback.link_expired': 410,
  'settlement.statement_locked': 409,
  'server.internal': 500,
  'server.unavailable': 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function statusForCode(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
