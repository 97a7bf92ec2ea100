import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_PRIVACY_POLICY, PRIVACY_KEY, PrivacyPolicySchema } from './domain/privacy.ts';

export const CUSTOMER_SETTINGS = [
  defineSetting({
    key: PRIVACY_KEY,
    module: 'customers',
    schema: PrivacyPolicySchema,
    default: DEFAULT_PRIVACY_POLICY,
    read: 'customer:privacy',
    write: 'settings:manage',
    label: 'settings.keys.customers.privacy',
    // PIPL art. 56 asks processing records to be kept three years; orders at least a warranty year.
    bounds: { auditLogRetentionDays: { min: 1095 }, closedOrderRetentionDays: { min: 365 } },
  }),
];
