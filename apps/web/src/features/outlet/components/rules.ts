import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client.ts';

const RULES = [
  'unskilled',
  'unavailable',
  'outside_shift',
  'double_booked',
  'not_in_outlet',
  'inactive',
  'max_tier',
  'escalation_not_allowed',
] as const;
type Rule = (typeof RULES)[number];
const NUMBER = /[A-Z]{2}\d{8}-\d{4,}/;

/**
 * The translated sentence for a business-rule refusal of assignment, appointment or escalation
 * (`errors[0].rule`); null for anything else (the caller shows a ProblemAlert). The clashing
 * order's number is taken from the server's message.
 */
export function ruleMessage(t: TFunction, error: unknown): string | null {
  if (!isApiError(error)) return null;
  const e = error.errors.find((x) => (RULES as readonly string[]).includes(x.rule));
  if (!e) return null;
  const number = NUMBER.exec(e.message)?.[0] ?? NUMBER.exec(error.detail ?? '')?.[0] ?? '';
  return t(`outlet.rules.${e.rule as Rule}`, { number });
}
