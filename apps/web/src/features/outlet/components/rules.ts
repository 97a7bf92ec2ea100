import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client.ts';

/**
 * Refusals of assignment, appointment or escalation that the outlet pages word in their own terms
 * (`outlet.rules.*`), by the field error's registered code or rule.
 */
const RULES = {
  'assignment.unskilled': 'unskilled',
  'assignment.unavailable': 'unavailable',
  'assignment.outside_shift': 'outside_shift',
  'assignment.double_booked': 'double_booked',
  not_in_outlet: 'not_in_outlet',
  inactive: 'inactive',
  'workorder.max_escalation_tier': 'max_tier',
  'workorder.escalation_not_allowed': 'escalation_not_allowed',
} as const;
type Known = keyof typeof RULES;
const isKnown = (rule: string): rule is Known => Object.hasOwn(RULES, rule);

/**
 * The translated sentence for such a refusal; null for anything else (the caller shows a
 * ProblemAlert). The clashing order's number comes from the problem's parameters (`orderNo`).
 */
export function ruleMessage(t: TFunction, error: unknown): string | null {
  if (!isApiError(error)) return null;
  const rule = error.errors.map((x) => x.rule).find(isKnown);
  if (!rule) return null;
  const orderNo = error.params.orderNo;
  return t(`outlet.rules.${RULES[rule]}`, { number: typeof orderNo === 'string' ? orderNo : '' });
}
