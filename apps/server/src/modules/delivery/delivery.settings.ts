import { DEFAULT_DELIVERY_POLICY, DeliveryPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { DELIVERY_POLICY_KEY } from './context.ts';

export const DELIVERY_SETTINGS = [
  defineSetting({
    key: DELIVERY_POLICY_KEY,
    module: 'delivery',
    schema: DeliveryPolicySchema,
    default: DEFAULT_DELIVERY_POLICY,
    read: 'delivery:read',
    write: 'settings:manage',
    label: 'settings.keys.delivery.policy',
  }),
];
