import {
  RMA_RULES,
  rmaActionsFrom,
  type RmaAction,
  type RmaKind,
  type RmaRule,
  type RmaStatus,
} from '@anxin/contracts';
import type { Refusal } from '../../../platform/http/errors.ts';

/**
 * The RMA state machine. The table itself lives in contracts (RMA_RULES in
 * packages/contracts/src/rma.ts) so server and web derive the same actions from it; this file
 * applies it.
 */
export { RMA_RULES, type RmaRule } from '@anxin/contracts';

export const ruleOf = (action: RmaAction): RmaRule => RMA_RULES.find((r) => r.action === action)!;

/** The actions open on a case of this kind and status (what the workbench offers). */
export const actionsFrom = rmaActionsFrom;

/** The status after `action`, or `state.invalid_transition` naming the statuses reachable instead. */
export function nextStatus(
  from: RmaStatus,
  kind: RmaKind,
  action: RmaAction,
): { ok: true; to: RmaStatus } | { ok: false; refusal: Refusal } {
  const r = ruleOf(action);
  if (r.from.includes(from) && r.kinds.includes(kind)) return { ok: true, to: r.to };
  const allowed = RMA_RULES.filter((x) => x.from.includes(from) && x.kinds.includes(kind)).map((x) => x.to);
  return { ok: false, refusal: { code: 'state.invalid_transition', params: { from, to: r.to, allowed } } };
}
