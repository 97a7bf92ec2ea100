import { GradingPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { DEFAULT_GRADING_POLICY, GRADING_POLICY_KEY } from './domain/policy.ts';
import { policyErrors } from './domain/score.ts';

export const GRADING_SETTINGS = [
  defineSetting({
    key: GRADING_POLICY_KEY,
    module: 'grading',
    schema: GradingPolicySchema,
    default: DEFAULT_GRADING_POLICY,
    read: 'outlet:read',
    write: 'grading:manage',
    label: 'settings.keys.grading.policy',
    // Weights adding up to 100 %, thresholds and cut-offs in order.
    validate: policyErrors,
  }),
];
