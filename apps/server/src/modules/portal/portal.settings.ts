import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_PORTAL_OTP_POLICY, PORTAL_OTP_POLICY_KEY, PortalOtpPolicySchema } from './domain/otp.ts';

export const PORTAL_SETTINGS = [
  defineSetting({
    key: PORTAL_OTP_POLICY_KEY,
    module: 'portal',
    schema: PortalOtpPolicySchema,
    default: DEFAULT_PORTAL_OTP_POLICY,
    read: 'settings:read',
    write: 'settings:manage',
    label: 'settings.keys.portal.otp',
    // A six-digit code is only safe with few attempts and a short life.
    bounds: { ttlSeconds: { min: 120, max: 900 }, maxAttempts: { max: 10 } },
  }),
];
