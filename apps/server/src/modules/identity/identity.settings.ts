import { defineSetting } from '../../platform/settings/registry.ts';
import { AUTH_POLICY_KEY, AuthPolicySchema, DEFAULT_AUTH_POLICY } from './auth-policy.ts';
import { AUTH_THROTTLE_KEY, AuthThrottleSchema, DEFAULT_AUTH_THROTTLE } from './domain/throttle.ts';

/** Business settings of the identity module. */
export const IDENTITY_SETTINGS = [
  defineSetting({
    key: AUTH_POLICY_KEY,
    module: 'identity',
    schema: AuthPolicySchema,
    default: DEFAULT_AUTH_POLICY,
    read: 'settings:read',
    write: 'settings:manage',
    label: 'settings.keys.auth.policy',
    // A session that ends mid-call loses the agent's work.
    bounds: { sessionIdleMinutes: { min: 15 } },
  }),
  defineSetting({
    key: AUTH_THROTTLE_KEY,
    module: 'identity',
    schema: AuthThrottleSchema,
    default: DEFAULT_AUTH_THROTTLE,
    read: 'settings:read',
    write: 'settings:manage',
    label: 'settings.keys.auth.throttle',
    // Delays after one or two typos punish staff; a tiny cap makes guessing cheap.
    bounds: {
      freeFailures: { min: 3, max: 20 },
      baseDelaySeconds: { min: 5 },
      maxDelayMinutes: { min: 5 },
      forgetAfterMinutes: { min: 60 },
      sourceFreeFailures: { min: 10 },
    },
  }),
];
