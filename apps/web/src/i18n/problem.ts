import type { TFunction } from 'i18next';
import { i18n } from './index.ts';
import { ApiError, CLIENT_ERROR_CODES } from '../api/client.ts';

/** i18n key for an error code; codes this build does not know fall back to `errors.client.unknown`. */
export function errorKey(code: string): string {
  const key = `errors.${code}`;
  return i18n.exists(key) ? key : `errors.${CLIENT_ERROR_CODES.unknown}`;
}

/** The user-facing sentence for any thrown value (ApiError by code, anything else as unknown). */
export function problemMessage(t: TFunction, error: unknown): string {
  const e = error instanceof ApiError ? error : new ApiError({ status: 0, code: CLIENT_ERROR_CODES.unknown });
  // Keys are built from server codes at runtime, so they cannot be checked by the typed `t`.
  return (t as unknown as (k: string, o: object) => string)(errorKey(e.code), { status: e.status || '—' });
}
