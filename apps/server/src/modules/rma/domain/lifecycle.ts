import type { Permission, RmaAction, RmaKind, RmaStatus } from '@anxin/contracts';
import type { Refusal } from '../../../platform/http/errors.ts';

/** One step of the RMA state machine: from where, to where, who may take it, for which kinds. */
export interface RmaRule {
  action: RmaAction;
  from: readonly RmaStatus[];
  to: RmaStatus;
  permission: Permission;
  kinds: readonly RmaKind[];
}

const ALL_KINDS: readonly RmaKind[] = ['return', 'exchange', 'part_replacement'];

/**
 * The RMA state machine as one table (like workorders' lifecycle). A case is created `requested`
 * and, in the same transaction, the engine's verdict moves it on: `eligible` when the remedy is
 * allowed without approval, `override_pending` when the requester asks an approver (with a reason)
 * to allow it anyway. Then inspection, a decision, logistics, the refund or exchange, and closing.
 */
export const RMA_RULES: readonly RmaRule[] = [
  {
    action: 'approve_override',
    from: ['override_pending'],
    to: 'eligible',
    permission: 'rma:approve',
    kinds: ALL_KINDS,
  },
  {
    action: 'reject_override',
    from: ['override_pending'],
    to: 'rejected',
    permission: 'rma:approve',
    kinds: ALL_KINDS,
  },
  {
    action: 'start_inspection',
    from: ['eligible'],
    to: 'inspecting',
    permission: 'rma:manage',
    kinds: ALL_KINDS,
  },
  { action: 'approve', from: ['inspecting'], to: 'approved', permission: 'rma:manage', kinds: ALL_KINDS },
  { action: 'reject', from: ['inspecting'], to: 'rejected', permission: 'rma:manage', kinds: ALL_KINDS },
  { action: 'ship', from: ['approved'], to: 'in_logistics', permission: 'rma:manage', kinds: ALL_KINDS },
  {
    action: 'record_refund',
    from: ['in_logistics'],
    to: 'refunded',
    permission: 'rma:manage',
    kinds: ['return'],
  },
  {
    action: 'record_exchange',
    from: ['in_logistics'],
    to: 'exchanged',
    permission: 'rma:manage',
    kinds: ['exchange', 'part_replacement'],
  },
  {
    action: 'close',
    from: ['refunded', 'exchanged', 'rejected'],
    to: 'closed',
    permission: 'rma:manage',
    kinds: ALL_KINDS,
  },
];

export const ruleOf = (action: RmaAction): RmaRule => RMA_RULES.find((r) => r.action === action)!;

/** The actions open on a case of this kind and status (what the workbench offers). */
export const actionsFrom = (status: RmaStatus, kind: RmaKind): RmaAction[] =>
  RMA_RULES.filter((r) => r.from.includes(status) && r.kinds.includes(kind)).map((r) => r.action);

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
