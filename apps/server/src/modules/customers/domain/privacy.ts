import { z } from 'zod';

/**
 * Business setting `customers.privacy` (PIPL 个人信息保护法): how long personal data stays after a
 * customer's last order closed, and how long the audit trail keeps who exported what. Past either,
 * the daily retention job anonymises (customer erasure, export-record redaction).
 */
export const PRIVACY_KEY = 'customers.privacy';
export const PrivacyPolicySchema = z.strictObject({
  /** Days after the customer's last order closed (all orders closed) before erasure. */
  closedOrderRetentionDays: z.number().int().min(30).max(3650),
  /** Days an export record names its exporter and filter. */
  auditLogRetentionDays: z.number().int().min(30).max(3650),
});
export type PrivacyPolicy = z.infer<typeof PrivacyPolicySchema>;
/** Three years each: the warranty horizon of most products and PIPL art. 56's record keeping. */
export const DEFAULT_PRIVACY_POLICY: PrivacyPolicy = {
  closedOrderRetentionDays: 1095,
  auditLogRetentionDays: 1095,
};

/** What an erased customer's name and an anonymised order's contact become (data, not UI text). */
export const ERASED_NAME = '（已匿名）';

export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * 86_400_000);
