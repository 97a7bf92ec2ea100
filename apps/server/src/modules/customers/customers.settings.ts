import { CustomerImportPolicySchema, DEFAULT_CUSTOMER_IMPORT_POLICY } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_PRIVACY_POLICY, PRIVACY_KEY, PrivacyPolicySchema } from './domain/privacy.ts';

/** The customer import's limits (most rows per file). */
export const CUSTOMER_IMPORT_KEY = 'customers.import';

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
  defineSetting({
    key: CUSTOMER_IMPORT_KEY,
    module: 'customers',
    schema: CustomerImportPolicySchema,
    default: DEFAULT_CUSTOMER_IMPORT_POLICY,
    read: 'customer:write',
    write: 'settings:manage',
    label: 'settings.keys.customers.import',
  }),
];
