import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a brand's webhook was refused; `ok` when it may be acted on. */
export type HookCheck = 'ok' | 'no_secret' | 'missing' | 'stale' | 'signature';

export interface HookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

/** `v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the key inside a `whsec_` secret. */
export function signHook(secret: string, id: string, timestamp: string, body: string | Buffer): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

/**
 * Standard Webhooks 1.0 verification against our own clock (not the machine's): the three
 * headers must be present, the timestamp within the tolerance either way, and one of the
 * space-separated `v1,` signatures (several while the brand rotates its secret) must match in
 * constant time.
 */
export function checkHook(
  secret: string | null,
  toleranceSeconds: number,
  nowMs: number,
  h: HookHeaders,
  body: Buffer,
): HookCheck {
  if (!secret) return 'no_secret';
  if (!h.id || !h.timestamp || !h.signature || !/^\d{1,12}$/.test(h.timestamp)) return 'missing';
  if (Math.abs(nowMs / 1000 - Number(h.timestamp)) > toleranceSeconds) return 'stale';
  const want = Buffer.from(signHook(secret, h.id, h.timestamp, body).slice(3));
  for (const part of h.signature.split(' ')) {
    const [v, sig] = part.split(',');
    if (v !== 'v1' || !sig) continue;
    const got = Buffer.from(sig);
    if (got.length === want.length && timingSafeEqual(got, want)) return 'ok';
  }
  return 'signature';
}
