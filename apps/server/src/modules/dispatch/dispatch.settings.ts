import { DispatchPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_DISPATCH_POLICY, DISPATCH_POLICY_KEY } from './domain/policy.ts';

export const DISPATCH_SETTINGS = [
  defineSetting({
    key: DISPATCH_POLICY_KEY,
    module: 'dispatch',
    schema: DispatchPolicySchema,
    default: DEFAULT_DISPATCH_POLICY,
    read: 'dispatch:read',
    write: 'dispatch:assign',
    label: 'settings.keys.dispatch.policy',
    // An outlet needs a few minutes to see and accept an offer before it times out.
    bounds: { acceptanceMinutes: { min: 5 } },
  }),
];
