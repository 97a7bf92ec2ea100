import { CHARGES_POLICY_KEY, ChargesPolicySchema, DEFAULT_CHARGES_POLICY } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const CHARGES_SETTINGS = [
  defineSetting({
    key: CHARGES_POLICY_KEY,
    module: 'charges',
    schema: ChargesPolicySchema,
    default: DEFAULT_CHARGES_POLICY,
    read: 'charges:read',
    write: 'settings:manage',
    label: 'settings.keys.charges.policy',
  }),
];
