import type { PortalOtpPolicy } from './otp.ts';

/**
 * Caps on one-time codes, so the sign-in form cannot be used to send SMS at volume: per phone
 * (resend wait, hour, day), per client address (hour, day) and for the whole service (hour, day).
 * Pure: the repository answers, for each cap, when the send that fills it happened.
 */
export type OtpCapScope = 'phone' | 'source' | 'service';

export interface OtpCap {
  scope: OtpCapScope;
  windowSeconds: number;
  /** Sends allowed in the rolling window. */
  max: number;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Every cap of the policy, most specific first (the refusal names the narrowest one hit). */
export function otpCaps(p: PortalOtpPolicy): OtpCap[] {
  return [
    { scope: 'phone', windowSeconds: HOUR, max: p.maxPerHour },
    { scope: 'phone', windowSeconds: DAY, max: p.perPhonePerDay },
    { scope: 'source', windowSeconds: HOUR, max: p.perSourcePerHour },
    { scope: 'source', windowSeconds: DAY, max: p.perSourcePerDay },
    { scope: 'service', windowSeconds: HOUR, max: p.overallPerHour },
    { scope: 'service', windowSeconds: DAY, max: p.overallPerDay },
  ];
}

export type OtpRefusal =
  { kind: 'resend'; retryAfterSeconds: number } | { kind: 'cap'; cap: OtpCap; retryAfterSeconds: number };

/**
 * `lastSend`: the phone's latest send; `filledAt[i]`: for cap i, the instant of the `max`-th most
 * recent send in its scope (undefined when there are fewer). A cap is full when that send is still
 * inside the window; it frees up when that send leaves it.
 */
export function otpRefusal(
  now: Date,
  p: PortalOtpPolicy,
  lastSend: string | undefined,
  caps: readonly OtpCap[],
  filledAt: readonly (string | undefined)[],
): OtpRefusal | null {
  const t = now.getTime();
  const wait = (from: string, seconds: number) => Math.ceil((Date.parse(from) + seconds * 1000 - t) / 1000);
  if (lastSend && wait(lastSend, p.resendSeconds) > 0) {
    return { kind: 'resend', retryAfterSeconds: wait(lastSend, p.resendSeconds) };
  }
  for (const [i, cap] of caps.entries()) {
    const at = filledAt[i];
    if (at && wait(at, cap.windowSeconds) > 0) {
      return { kind: 'cap', cap, retryAfterSeconds: wait(at, cap.windowSeconds) };
    }
  }
  return null;
}
