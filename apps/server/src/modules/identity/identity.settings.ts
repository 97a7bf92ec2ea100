import { defineSetting } from '../../platform/settings/registry.ts';
import { AUTH_POLICY_KEY, AuthPolicySchema, DEFAULT_AUTH_POLICY } from './auth-policy.ts';

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
    // A lock-out after one or two typos, or a session that ends mid-call, locks staff out.
    bounds: { maxFailedLogins: { min: 3 }, lockMinutes: { min: 1 }, sessionIdleMinutes: { min: 15 } },
  }),
];
