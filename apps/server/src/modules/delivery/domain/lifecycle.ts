import {
  DELIVERY_RULES,
  type DeliveryAction,
  type DeliveryRule,
  type DeliveryStatus,
} from '@anxin/contracts';
import type { Refusal } from '../../../platform/http/errors.ts';

/**
 * The delivery state machine. The table lives in contracts (DELIVERY_RULES) so server and web derive
 * the same actions; this file applies it.
 */
export const ruleOf = (action: DeliveryAction): DeliveryRule =>
  DELIVERY_RULES.find((r) => r.action === action)!;

/** The status after `action`, or `state.invalid_transition` naming the statuses reachable instead. */
export function nextStatus(
  from: DeliveryStatus,
  action: DeliveryAction,
): { ok: true; to: DeliveryStatus } | { ok: false; refusal: Refusal } {
  const r = ruleOf(action);
  if (r.from.includes(from)) return { ok: true, to: r.to };
  const allowed = DELIVERY_RULES.filter((x) => x.from.includes(from)).map((x) => x.to);
  return { ok: false, refusal: { code: 'state.invalid_transition', params: { from, to: r.to, allowed } } };
}
