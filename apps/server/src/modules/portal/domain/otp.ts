import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * One-time sign-in codes for the portal. Pure: the caller supplies the instant and stores what
 * this returns. Only a salted hash is stored; six digits are guessable offline, so the real
 * defence is the short expiry and the attempt limit, both enforced with conditional updates.
 */
export const PORTAL_OTP_PURPOSE = 'portal_login';

/** Business setting `portal.otp`, editable as data like the other policies. */
export const PORTAL_OTP_POLICY_KEY = 'portal.otp';
export const PortalOtpPolicySchema = z.strictObject({
  ttlSeconds: z.number().int().min(60).max(3600),
  maxAttempts: z.number().int().min(1).max(20),
  /** Seconds a phone must wait before asking for another code. */
  resendSeconds: z.number().int().min(10).max(600),
  /** Codes one phone may request per rolling hour. */
  maxPerHour: z.number().int().min(1).max(100),
  /** Code requests per client IP per minute, whatever the phone (stops sweeping many numbers). */
  perIpPerMinute: z.number().int().min(1).max(1000),
  // Caps against SMS pumping, counted in the database so every node sees them. Defaults keep
  // values stored before the caps existed valid.
  /** Codes one phone may request per rolling day. */
  perPhonePerDay: z.number().int().min(1).max(1000).default(10),
  /** Codes one client address may request per rolling hour and day, whatever the phones. */
  perSourcePerHour: z.number().int().min(1).max(100_000).default(60),
  perSourcePerDay: z.number().int().min(1).max(1_000_000).default(300),
  /** Codes the whole service sends per rolling hour and day (the SMS bill's ceiling). */
  overallPerHour: z.number().int().min(1).max(1_000_000).default(500),
  overallPerDay: z.number().int().min(1).max(10_000_000).default(3000),
});
export type PortalOtpPolicy = z.infer<typeof PortalOtpPolicySchema>;
export const DEFAULT_PORTAL_OTP_POLICY: PortalOtpPolicy = {
  ttlSeconds: 300,
  maxAttempts: 5,
  resendSeconds: 60,
  maxPerHour: 5,
  perIpPerMinute: 20,
  perPhonePerDay: 10,
  perSourcePerHour: 60,
  perSourcePerDay: 300,
  overallPerHour: 500,
  overallPerDay: 3000,
};

export const newOtpCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** The row id is the salt, so equal codes never share a hash. */
export const hashOtp = (otpId: string, code: string): string =>
  createHash('sha256').update(`${PORTAL_OTP_PURPOSE}:${otpId}:${code}`).digest('hex');

export function otpMatches(otpId: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashOtp(otpId, code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const otpSmsText = (code: string, ttlSeconds: number): string =>
  `【安心售后】验证码 ${code}，${Math.round(ttlSeconds / 60)} 分钟内有效。如非本人操作请忽略。`;
