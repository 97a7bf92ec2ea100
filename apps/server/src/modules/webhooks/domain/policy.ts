import { isIP } from 'node:net';

/**
 * When attempt `attempt` (1-based) has failed: the instant of the next one, or null when the
 * schedule is spent and the delivery is dead. Attempt n waits `schedule[n - 1]` seconds.
 */
export function nextAttemptAt(schedule: readonly number[], attempt: number, now: Date): Date | null {
  const wait = schedule[attempt - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait * 1000);
}

/** True when `failures` in a row reach the pause threshold. */
export const shouldPause = (failures: number, pauseAfter: number): boolean => failures >= pauseAfter;

/** Secrets that sign now: the current one, and the previous one until its overlap ends. */
export function signingSecrets(
  e: { secret: string; previousSecret: string | null; previousSecretExpiresAt: string | null },
  now: Date,
): string[] {
  const out = [e.secret];
  if (e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now.toISOString())
    out.push(e.previousSecret);
  return out;
}

/** A URL an endpoint may have: absolute http(s), no credentials in it. Null when acceptable. */
export function urlProblem(raw: string): 'invalid' | 'scheme' | 'credentials' | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'scheme';
  if (u.username || u.password) return 'credentials';
  return u.hostname ? null : 'invalid';
}

const v4 = (ip: string) => ip.split('.').map(Number) as [number, number, number, number];

/**
 * Loopback, private, link-local, CGNAT, unspecified and multicast addresses (IPv4, IPv6 and
 * IPv4-mapped IPv6): a webhook must not be a way into the internal network.
 */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip);
  if (kind === 4) {
    const [a, b] = v4(ip);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (kind === 6) {
    const s = ip.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return (
      s === '::' ||
      s === '::1' ||
      s.startsWith('fc') ||
      s.startsWith('fd') ||
      s.startsWith('fe8') ||
      s.startsWith('fe9') ||
      s.startsWith('fea') ||
      s.startsWith('feb') ||
      s.startsWith('ff')
    );
  }
  return false;
}

/** The URL's host as written (brackets of an IPv6 literal removed), lower case. */
export const hostOf = (raw: string): string => new URL(raw).hostname.replace(/^\[|\]$/g, '').toLowerCase();
