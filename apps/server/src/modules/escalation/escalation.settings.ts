import { EscalationPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_ESCALATION_POLICY, ESCALATION_POLICY_KEY } from './domain/policy.ts';

export const ESCALATION_SETTINGS = [
  defineSetting({
    key: ESCALATION_POLICY_KEY,
    module: 'escalation',
    schema: EscalationPolicySchema,
    default: DEFAULT_ESCALATION_POLICY,
    read: 'workorder:read',
    write: 'settings:manage',
    label: 'settings.keys.escalation.policy',
  }),
];
