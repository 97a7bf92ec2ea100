import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>` of `timestamp.body` with the shared secret (what the call platform sends). */
export function signTelephony(secret: string, timestamp: string, body: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `sha256=${mac}`;
}

export type SignatureCheck = 'ok' | 'no_secret' | 'missing' | 'stale' | 'mismatch';

/**
 * Checks a webhook's signature: a secret must be set, the timestamp (seconds) must be within the
 * tolerance of `nowMs` either way, and the signature must match in constant time.
 */
export function checkSignature(
  secret: string,
  toleranceSeconds: number,
  nowMs: number,
  timestamp: string | undefined,
  signature: string | undefined,
  body: Buffer,
): SignatureCheck {
  if (!secret) return 'no_secret';
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return 'stale';
  const want = Buffer.from(signTelephony(secret, timestamp, body));
  const got = Buffer.from(signature.trim());
  return want.length === got.length && timingSafeEqual(want, got) ? 'ok' : 'mismatch';
}
