import type { Role } from '@anxin/contracts';
import type { WorkOrderStatus } from '../workorders.schema.ts';

/**
 * The work-order state machine: the one place that says which status may follow which, who may
 * move it and what the move must carry. Pure: the service supplies the facts about the actor.
 *
 * `roles` lists who may take the step. Two roles are additionally bound to the order: an outlet
 * manager only for orders of their own outlet, a technician only for orders assigned to them
 * (`relation` below). Admins may take every step (support fixes), still subject to `requires`.
 */
export type Requirement =
  'reason' | 'outletId' | 'technicianId' | 'appointment' | 'guidance' | 'reopenWindow';

export interface TransitionRule {
  from: WorkOrderStatus;
  to: WorkOrderStatus;
  roles: readonly Role[];
  requires?: readonly Requirement[];
}

const DESK: Role[] = ['agent', 'dispatcher'];
const CANCEL_FROM: WorkOrderStatus[] = [
  'new',
  'accepted',
  'awaiting_dispatch',
  'dispatched_outlet',
  'outlet_accepted',
  'assigned',
  'scheduled',
];

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'new', to: 'accepted', roles: DESK },
  { from: 'accepted', to: 'remote_resolved', roles: ['agent'], requires: ['guidance'] },
  { from: 'remote_resolved', to: 'awaiting_callback', roles: ['agent', 'quality'] },
  { from: 'accepted', to: 'awaiting_dispatch', roles: DESK },
  { from: 'awaiting_dispatch', to: 'dispatched_outlet', roles: ['dispatcher'], requires: ['outletId'] },
  { from: 'dispatched_outlet', to: 'outlet_accepted', roles: ['outlet_manager'] },
  { from: 'dispatched_outlet', to: 'outlet_rejected', roles: ['outlet_manager'], requires: ['reason'] },
  { from: 'outlet_rejected', to: 'awaiting_dispatch', roles: ['dispatcher'] },
  // The dispatcher withdraws an unanswered offer; the time-out job (system) lets it lapse.
  { from: 'dispatched_outlet', to: 'awaiting_dispatch', roles: ['dispatcher'], requires: ['reason'] },
  { from: 'outlet_rejected', to: 'dispatched_outlet', roles: ['dispatcher'], requires: ['outletId'] },
  {
    from: 'outlet_accepted',
    to: 'assigned',
    roles: ['outlet_manager', 'dispatcher'],
    requires: ['technicianId'],
  },
  {
    from: 'assigned',
    to: 'scheduled',
    roles: ['agent', 'dispatcher', 'outlet_manager', 'technician'],
    requires: ['appointment'],
  },
  { from: 'scheduled', to: 'departed', roles: ['technician'] },
  { from: 'departed', to: 'arrived', roles: ['technician'] },
  { from: 'arrived', to: 'in_progress', roles: ['technician'] },
  { from: 'in_progress', to: 'awaiting_parts', roles: ['technician', 'outlet_manager'] },
  { from: 'awaiting_parts', to: 'in_progress', roles: ['technician', 'outlet_manager'] },
  { from: 'in_progress', to: 'completed', roles: ['technician'] },
  { from: 'completed', to: 'awaiting_callback', roles: ['quality', 'outlet_manager', 'dispatcher'] },
  // Only quality closes: closing means the callback (回访) happened.
  { from: 'awaiting_callback', to: 'closed', roles: ['quality'] },
  // An unsatisfied callback sends the order back out for another visit (redo, 返修).
  { from: 'awaiting_callback', to: 'awaiting_dispatch', roles: ['quality'], requires: ['reason'] },
  {
    from: 'closed',
    to: 'awaiting_dispatch',
    roles: ['agent', 'quality'],
    requires: ['reason', 'reopenWindow'],
  },
  ...CANCEL_FROM.map((from): TransitionRule => ({
    from,
    to: 'cancelled',
    roles: DESK,
    requires: ['reason'],
  })),
];

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

/** States that count as "open" (an order still being worked on) for the duplicate warning. */
export const CLOSED_STATES: readonly WorkOrderStatus[] = ['closed', 'cancelled'];

/** SLA clocks do not run while the order waits for parts. */
export const PAUSED_STATES: readonly WorkOrderStatus[] = ['awaiting_parts'];
