import { AssignmentPolicySchema, type AssignmentPolicy } from '@anxin/contracts';

/** Business setting of the assignment module (key `assignment.policy`), editable as data. */
export const ASSIGNMENT_POLICY_KEY = 'assignment.policy';
export { AssignmentPolicySchema };
export const DEFAULT_ASSIGNMENT_POLICY: AssignmentPolicy = {
  fallbackShiftStartMinute: 8 * 60,
  fallbackShiftEndMinute: 18 * 60,
  minSkillLevel: 1,
  weightSkill: 10,
  weightLoad: 5,
  weightDistance: 0.5,
  certification: 'prefer',
  weightCertified: 5,
};
