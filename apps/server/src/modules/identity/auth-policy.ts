import { z } from 'zod';

/** Lock-out and session policy; defaults are seeds, admins change them in settings (`auth.policy`). */
export const AuthPolicySchema = z.object({
  maxFailedLogins: z.number().int().min(1).max(100),
  lockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
});
export type AuthPolicy = z.infer<typeof AuthPolicySchema>;

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  maxFailedLogins: 5,
  lockMinutes: 15,
  sessionIdleMinutes: 12 * 60,
};
export const AUTH_POLICY_KEY = 'auth.policy';
