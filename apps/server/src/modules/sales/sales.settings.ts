import { DEFAULT_SALES_POLICY, SalesPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { SALES_POLICY_KEY } from './context.ts';

export const SALES_SETTINGS = [
  defineSetting({
    key: SALES_POLICY_KEY,
    module: 'sales',
    schema: SalesPolicySchema,
    default: DEFAULT_SALES_POLICY,
    read: 'sales:read',
    write: 'settings:manage',
    label: 'settings.keys.sales.policy',
  }),
];
