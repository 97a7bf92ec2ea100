import type { Role } from './permissions.ts';
import { WORK_ORDER_STATUSES, type WorkOrderStatusName } from './workorder-vocab.ts';

/**
 * The work-order state machine: the one place that says which status may follow which, who may
 * move it and what the move must carry. The server enforces it (modules/workorders/domain/
 * lifecycle.ts); server and web derive every status group below from it instead of keeping lists.
 *
 * `roles` lists who may take the step. Two roles are additionally bound to the order: an outlet
 * manager only for orders of their own outlet, a technician only for orders assigned to them.
 * Admins may take every step (support fixes), still subject to `requires`.
 */
export type Requirement =
  'reason' | 'outletId' | 'technicianId' | 'appointment' | 'guidance' | 'reopenWindow';

export interface TransitionRule {
  from: WorkOrderStatusName;
  to: WorkOrderStatusName;
  roles: readonly Role[];
  requires?: readonly Requirement[];
}

const DESK: Role[] = ['agent', 'dispatcher'];
const CANCEL_FROM: WorkOrderStatusName[] = [
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
  // Assign a technician and agree the window in one step: it succeeds as a whole or changes nothing.
  {
    from: 'outlet_accepted',
    to: 'scheduled',
    roles: ['outlet_manager', 'dispatcher'],
    requires: ['technicianId', 'appointment'],
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

// ---- Status groups, derived from the table ------------------------------------------------------

const inTableOrder = (set: ReadonlySet<WorkOrderStatusName>): readonly WorkOrderStatusName[] =>
  WORK_ORDER_STATUSES.filter((s) => set.has(s));

/**
 * The statuses reached from `start` by the plain forward steps (those that carry no reason, window
 * or reopen: a redo, a withdrawal or a reopen is not "going forward"), stopping before `until`.
 */
function forwardFrom(start: WorkOrderStatusName, until?: WorkOrderStatusName): Set<WorkOrderStatusName> {
  const seen = new Set<WorkOrderStatusName>([start]);
  const queue = [start];
  while (queue.length) {
    const s = queue.shift()!;
    for (const t of TRANSITIONS) {
      if (t.from !== s || t.to === until || seen.has(t.to) || t.to === 'cancelled') continue;
      if (t.requires?.some((r) => r === 'reason' || r === 'reopenWindow')) continue;
      seen.add(t.to);
      queue.push(t.to);
    }
  }
  return seen;
}

/** Fewest steps from `new` to each status: "comes before" for the portal's cut-off points. */
function stepsFromNew(): Map<WorkOrderStatusName, number> {
  const steps = new Map<WorkOrderStatusName, number>([['new', 0]]);
  const queue: WorkOrderStatusName[] = ['new'];
  while (queue.length) {
    const s = queue.shift()!;
    for (const t of TRANSITIONS) {
      if (t.from === s && !steps.has(t.to)) {
        steps.set(t.to, steps.get(s)! + 1);
        queue.push(t.to);
      }
    }
  }
  return steps;
}
const STEPS = stepsFromNew();
const before = (s: WorkOrderStatusName, limit: WorkOrderStatusName) => STEPS.get(s)! < STEPS.get(limit)!;

/**
 * Closed: the order is finished with; it leaves only by a reopen inside the reopen window, or
 * never (cancelled). Closed orders do not count as duplicates, escalations or workload.
 */
export const CLOSED_STATUSES: readonly WorkOrderStatusName[] = WORK_ORDER_STATUSES.filter((s) =>
  TRANSITIONS.filter((t) => t.from === s).every((t) => t.requires?.includes('reopenWindow')),
);
/** Open: everything not closed (still being worked on). */
export const OPEN_STATUSES: readonly WorkOrderStatusName[] = WORK_ORDER_STATUSES.filter(
  (s) => !CLOSED_STATUSES.includes(s),
);
/** The dispatcher may send these out to an outlet (a rule `→ dispatched_outlet` exists). */
export const DISPATCHABLE_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(
  new Set(TRANSITIONS.filter((t) => t.to === 'dispatched_outlet').map((t) => t.from)),
);
/** The desk may cancel from these (a rule `→ cancelled` exists). */
export const CANCELLABLE_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(
  new Set(TRANSITIONS.filter((t) => t.to === 'cancelled').map((t) => t.from)),
);
/** A customer may cancel only before a technician is assigned; later the desk handles it. */
export const PORTAL_CANCELLABLE_STATUSES: readonly WorkOrderStatusName[] = CANCELLABLE_STATUSES.filter((s) =>
  before(s, 'assigned'),
);
/** An agreed window can be confirmed or moved until the technician sets off (while cancellable). */
export const APPOINTABLE_STATUSES: readonly WorkOrderStatusName[] = CANCELLABLE_STATUSES.filter((s) =>
  before(s, 'departed'),
);
/** The order occupies its technician: from assignment until the work is completed. */
export const TECHNICIAN_ACTIVE_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(
  forwardFrom('assigned', 'completed'),
);
/** The technician is out on the job: set off, on site, working or waiting for parts. */
export const IN_SERVICE_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(
  forwardFrom('departed', 'completed'),
);
/** The technician is on site: arrived, working or waiting for parts (photos, parts, completion). */
export const ON_SITE_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(
  forwardFrom('arrived', 'completed'),
);
/** The field work is done (completed, then the callback and closing that follow it). */
export const WORK_DONE_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(forwardFrom('completed'));
/** Work done but the order still open: waiting for its callback (回访) or closing. */
export const AWAITING_CLOSE_STATUSES: readonly WorkOrderStatusName[] = WORK_DONE_STATUSES.filter((s) =>
  OPEN_STATUSES.includes(s),
);

/** The order sits with an outlet (counts against its daily capacity): from dispatch until completion. */
export const WITH_OUTLET_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(
  forwardFrom('dispatched_outlet', 'completed'),
);
/** With an outlet but no technician on the way yet (the dispatcher still acts on risk here). */
export const BEFORE_DEPARTURE_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(
  forwardFrom('dispatched_outlet', 'departed'),
);
/** A route plan may (re)arrange these: accepted by the outlet, technician not yet set off. */
export const PLANNABLE_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(
  forwardFrom('outlet_accepted', 'departed'),
);
/**
 * The service the SLA clocks measure is over: resolved remotely, completed, or finished with
 * (closed, cancelled). Reaching any of these ends every clock still running.
 */
export const SERVICE_ENDED_STATUSES: readonly WorkOrderStatusName[] = inTableOrder(
  new Set([...forwardFrom('remote_resolved'), ...forwardFrom('completed'), ...CLOSED_STATUSES]),
);

/** Membership test that narrows a plain string (web rows, raw status columns). */
export const isStatusIn = (
  group: readonly WorkOrderStatusName[],
  status: string,
): status is WorkOrderStatusName => (group as readonly string[]).includes(status);
