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

// One guard for every outgoing URL people configure (webhooks, robots, brand connections).
export { hostOf, isPrivateAddress } from '../../../platform/net/outbound.ts';
