import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Session ids and API tokens are random; only their SHA-256 is stored, so a leaked table is useless. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export const API_TOKEN_PREFIX = 'axn_';
export const newApiToken = (): string => API_TOKEN_PREFIX + randomSecret(32);

/** Six-digit one-time code for portal login and completion confirmation. */
export const newOtp = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
