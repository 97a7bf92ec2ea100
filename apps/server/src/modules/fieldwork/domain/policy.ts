import { z } from 'zod';

/** Business setting `fieldwork.policy`: check-in radius and the customer's completion code. */
export const FIELDWORK_POLICY_KEY = 'fieldwork.policy';
export const FieldworkPolicySchema = z.strictObject({
  /** A check-in farther than this from the customer's address is flagged far_check_in. */
  radiusMeters: z.number().int().min(50).max(50_000),
  codeTtlSeconds: z.number().int().min(60).max(3600),
  codeMaxAttempts: z.number().int().min(1).max(20),
  /** Seconds before another code may be sent for the same order. */
  codeResendSeconds: z.number().int().min(10).max(600),
});
export type FieldworkPolicy = z.infer<typeof FieldworkPolicySchema>;
export const DEFAULT_FIELDWORK_POLICY: FieldworkPolicy = {
  radiusMeters: 500,
  codeTtlSeconds: 600,
  codeMaxAttempts: 5,
  codeResendSeconds: 60,
};
