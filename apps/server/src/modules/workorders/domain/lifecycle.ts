import { TRANSITIONS, type Role, type TransitionRule } from '@anxin/contracts';
import type { WorkOrderStatus } from '../workorders.schema.ts';

/**
 * The work-order state machine. The table itself lives in contracts (TRANSITIONS in
 * packages/contracts/src/lifecycle.ts) so server and web derive the same status groups from it;
 * this file applies it: who may take a step, given facts about the actor the service supplies.
 */
export type { Requirement, TransitionRule } from '@anxin/contracts';
export { TRANSITIONS } from '@anxin/contracts';

/** Facts about the actor relative to one order, supplied by the service. */
export interface ActorRelation {
  roles: readonly Role[];
  /** The actor is an outlet manager of the order's (current) outlet. */
  managesOrderOutlet: boolean;
  /** The actor is the technician assigned to the order. */
  isAssignedTechnician: boolean;
}

function roleApplies(role: Role, rel: ActorRelation): boolean {
  if (role === 'outlet_manager') return rel.managesOrderOutlet;
  if (role === 'technician') return rel.isAssignedTechnician;
  return true;
}

export function mayTake(rule: TransitionRule, rel: ActorRelation): boolean {
  if (rel.roles.includes('admin')) return true;
  return rule.roles.some((r) => rel.roles.includes(r) && roleApplies(r, rel));
}

export const findRule = (from: WorkOrderStatus, to: WorkOrderStatus): TransitionRule | undefined =>
  TRANSITIONS.find((t) => t.from === from && t.to === to);

/** The next statuses this actor may take the order to (the `allowed` of an invalid-transition 409). */
export function allowedNext(from: WorkOrderStatus, rel: ActorRelation): WorkOrderStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && mayTake(t, rel)).map((t) => t.to);
}

export type TransitionCheck = { ok: true; rule: TransitionRule } | { ok: false; allowed: WorkOrderStatus[] };

export function checkTransition(
  from: WorkOrderStatus,
  to: WorkOrderStatus,
  rel: ActorRelation,
): TransitionCheck {
  const rule = findRule(from, to);
  if (rule && mayTake(rule, rel)) return { ok: true, rule };
  return { ok: false, allowed: allowedNext(from, rel) };
}

/** SLA clocks do not run while the order waits for parts. */
export const PAUSED_STATES: readonly WorkOrderStatus[] = ['awaiting_parts'];
