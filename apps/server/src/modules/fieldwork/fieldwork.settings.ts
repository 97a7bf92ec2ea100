import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_FIELDWORK_POLICY, FIELDWORK_POLICY_KEY, FieldworkPolicySchema } from './domain/policy.ts';

export const FIELDWORK_SETTINGS = [
  defineSetting({
    key: FIELDWORK_POLICY_KEY,
    module: 'fieldwork',
    schema: FieldworkPolicySchema,
    default: DEFAULT_FIELDWORK_POLICY,
    read: 'workorder:read',
    write: 'settings:manage',
    label: 'settings.keys.fieldwork.policy',
    // GPS in a high-rise is off by tens of metres: a tighter radius flags every honest check-in.
    bounds: { radiusMeters: { min: 100 }, codeTtlSeconds: { min: 120 } },
  }),
];
