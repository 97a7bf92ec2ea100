import { AssignmentPolicySchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { ASSIGNMENT_POLICY_KEY, DEFAULT_ASSIGNMENT_POLICY } from './domain/policy.ts';

export const ASSIGNMENT_SETTINGS = [
  defineSetting({
    key: ASSIGNMENT_POLICY_KEY,
    module: 'assignment',
    schema: AssignmentPolicySchema,
    default: DEFAULT_ASSIGNMENT_POLICY,
    read: 'dispatch:read',
    write: 'settings:manage',
    label: 'settings.keys.assignment.policy',
    validate: (v) =>
      v.fallbackShiftStartMinute < v.fallbackShiftEndMinute
        ? []
        : [
            {
              path: 'fallbackShiftEndMinute',
              rule: 'after_start',
              message: 'the shift must end after it starts',
            },
          ],
  }),
];
