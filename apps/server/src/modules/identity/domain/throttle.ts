import { z } from 'zod';

/**
 * Sign-in throttling that cannot be turned against the account owner. Failures are counted per
 * account and source together (`pair`): an attacker's wrong passwords from one address delay only
 * that address's attempts at that account, so the owner still signs in from a clean source. A
 * source failing across many accounts (password spraying) is delayed as a whole (`source`). Failures
 * per account over every source (`account`) never delay anyone; they alert administrators.
 * Delays grow: each failure past the free ones doubles the wait, up to a cap. Pure: the caller
 * supplies the instant and stores the state.
 */
export const AUTH_THROTTLE_KEY = 'auth.throttle';
export const AuthThrottleSchema = z.strictObject({
  /** Wrong passwords for one account from one source before the first delay. */
  freeFailures: z.number().int().min(1).max(50),
  /** The first delay; each further failure doubles it. */
  baseDelaySeconds: z.number().int().min(1).max(3600),
  maxDelayMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Failures are forgotten after this long without a new one. */
  forgetAfterMinutes: z
    .number()
    .int()
    .min(5)
    .max(30 * 24 * 60),
  /** Wrong passwords from one source across all accounts before the source is delayed. */
  sourceFreeFailures: z.number().int().min(1).max(10_000),
  /** Wrong passwords for one account across all sources that alert administrators. */
  accountAlertFailures: z.number().int().min(1).max(10_000),
});
export type AuthThrottle = z.infer<typeof AuthThrottleSchema>;
export const DEFAULT_AUTH_THROTTLE: AuthThrottle = {
  freeFailures: 5,
  baseDelaySeconds: 30,
  maxDelayMinutes: 60,
  forgetAfterMinutes: 24 * 60,
  sourceFreeFailures: 30,
  accountAlertFailures: 20,
};

export type ThrottleScope = 'pair' | 'source' | 'account';

export interface ThrottleState {
  failures: number;
  firstFailureAt: string;
  lastFailureAt: string;
  blockedUntil: string | null;
}

export interface ThrottleTarget {
  key: string;
  scope: ThrottleScope;
  username: string | null;
  source: string | null;
}

/** The three counters one failed sign-in moves. */
export function throttleTargets(username: string, source: string): ThrottleTarget[] {
  return [
    { key: `pair:${source}:${username}`, scope: 'pair', username, source },
    { key: `source:${source}`, scope: 'source', username: null, source },
    { key: `account:${username}`, scope: 'account', username, source: null },
  ];
}

/** Failures allowed before a delay; `account` counters never delay. */
export function freeFailuresOf(scope: ThrottleScope, p: AuthThrottle): number {
  if (scope === 'pair') return p.freeFailures;
  if (scope === 'source') return p.sourceFreeFailures;
  return Number.POSITIVE_INFINITY;
}

/** The delay after the `failures`-th failure: none until the free ones are used, then doubling. */
export function delaySeconds(failures: number, free: number, p: AuthThrottle): number {
  if (failures < free) return 0;
  const doubled = p.baseDelaySeconds * 2 ** Math.min(failures - free, 30);
  return Math.min(doubled, p.maxDelayMinutes * 60);
}

/** The state after one more failure (a counter quiet for `forgetAfterMinutes` starts again). */
export function afterFailure(
  prev: ThrottleState | undefined,
  scope: ThrottleScope,
  now: Date,
  p: AuthThrottle,
): ThrottleState {
  const at = now.toISOString();
  // Quiet time counts from the end of the last delay, so a delay longer than the quiet period
  // cannot reset the count and stop delays from growing.
  const quietSince = prev
    ? Math.max(Date.parse(prev.lastFailureAt), Date.parse(prev.blockedUntil ?? '') || 0)
    : 0;
  const stale = !prev || now.getTime() - quietSince >= p.forgetAfterMinutes * 60_000;
  const failures = stale ? 1 : prev.failures + 1;
  const delay = delaySeconds(failures, freeFailuresOf(scope, p), p);
  return {
    failures,
    firstFailureAt: stale ? at : prev.firstFailureAt,
    lastFailureAt: at,
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000).toISOString() : null,
  };
}

/** Seconds until the counter lets the next attempt through (0: go ahead). */
export function waitSeconds(state: Pick<ThrottleState, 'blockedUntil'> | undefined, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(state.blockedUntil) - now.getTime()) / 1000));
}

/** Administrators hear once per episode: when delays start, or when an account is hit widely. */
export function crossesAlert(scope: ThrottleScope, failures: number, p: AuthThrottle): boolean {
  if (scope === 'account') return failures === p.accountAlertFailures;
  return failures === freeFailuresOf(scope, p);
}
