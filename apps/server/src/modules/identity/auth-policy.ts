import { z } from 'zod';

/**
 * Session policy; defaults are seeds, admins change them in settings (`auth.policy`). Not strict on
 * purpose: values stored before sign-in throttling moved to `auth.throttle` still carry
 * `maxFailedLogins` and `lockMinutes`, which are ignored rather than making the value invalid.
 */
export const AuthPolicySchema = z.object({
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
});
export type AuthPolicy = z.infer<typeof AuthPolicySchema>;

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  sessionIdleMinutes: 12 * 60,
};
export const AUTH_POLICY_KEY = 'auth.policy';
