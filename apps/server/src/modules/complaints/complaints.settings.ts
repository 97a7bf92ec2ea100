import { ComplaintPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { COMPLAINT_POLICY_KEY, DEFAULT_COMPLAINT_POLICY } from './domain/policy.ts';

export const COMPLAINT_SETTINGS = [
  defineSetting({
    key: COMPLAINT_POLICY_KEY,
    module: 'complaints',
    schema: ComplaintPolicySchema,
    default: DEFAULT_COMPLAINT_POLICY,
    read: 'complaint:read',
    write: 'settings:manage',
    label: 'settings.keys.complaints.policy',
  }),
];
