import { CallCenterPolicySchema, DEFAULT_CALLCENTER_POLICY } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { CALLCENTER_POLICY_KEY } from './context.ts';

export const CALLCENTER_SETTINGS = [
  defineSetting({
    key: CALLCENTER_POLICY_KEY,
    module: 'callcenter',
    schema: CallCenterPolicySchema,
    default: DEFAULT_CALLCENTER_POLICY,
    read: 'callcenter:own',
    write: 'settings:manage',
    label: 'settings.keys.callcenter.policy',
  }),
];
