import type { Kysely } from 'kysely';
import type { TransitionRequest } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { WorkOrderStatus } from './workorders.schema.ts';
import type { WorkOrder } from './domain/work-order.ts';

/**
 * Other modules (dispatch, assignment, fieldwork, routing, callbacks) take part in a transition
 * without the work-order module knowing them. A hook has a declared name (its place in
 * HOOK_ORDER): `check` runs before the transaction and may refuse (throw a DomainError, nothing
 * changes) or return column changes, event data and a value for its own `within`; `within` runs
 * inside the transaction right after the order row is updated, so its own rows commit or vanish
 * with the status change.
 *
 * What a caller wants a module to do with one transition travels in `TransitionIntents`: an empty
 * interface here that each module extends by module augmentation with its own optional key, e.g.
 *
 *   declare module '../workorders/hooks.ts' {
 *     interface TransitionIntents { dispatch?: DispatchIntent }
 *   }
 *
 * so the work-order module stays ignorant of its contents while every caller and hook is typed.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by module augmentation
export interface TransitionIntents {}

/** The typed input of one transition besides the request body. */
export interface TransitionInput {
  requestId?: string | null;
  intents?: TransitionIntents;
}

/**
 * Every hook, in the order its phases run (check and within alike). A hook whose name is not here
 * cannot be registered; registering one name twice fails at startup. Order matters where two hooks
 * watch one step: the visit is closed before the callback hand-off is queued, the offer is settled
 * before the order is announced as waiting, the technician's calendar is checked before the plan
 * stamps the step.
 */
export const HOOK_ORDER = [
  'fieldwork.visit_departed',
  'fieldwork.visit_arrived',
  'fieldwork.visit_started',
  'fieldwork.visit_needs_parts',
  'fieldwork.visit_completed',
  'parts.request_created',
  'parts.reservations_consumed',
  'charges.quote_approved',
  'dispatch.offer_made',
  'dispatch.offer_accepted',
  'dispatch.offer_rejected',
  'dispatch.offer_withdrawn',
  'dispatch.offer_cancelled',
  'dispatch.order_waiting',
  'assignment.technician_free',
  'assignment.technician_free_when_booking',
  'assignment.window_free',
  'routing.plan_assigned',
  'routing.plan_scheduled',
  'callbacks.handoff',
  'callbacks.task_opened',
  'callbacks.task_settled',
  'knowledge.resolution_counted',
  'knowledge.case_queued',
  'telemetry.alerts_resolved_on_close',
  'telemetry.alerts_resolved_on_cancel',
  'servicecontracts.visit_queued',
  'recalls.order_completed',
  'recalls.order_closed',
] as const;
export type HookName = (typeof HOOK_ORDER)[number];

/** Appointment hooks (appointment.ts), in their run order. */
export const APPOINTMENT_HOOK_ORDER = ['assignment.window_free'] as const;
export type AppointmentHookName = (typeof APPOINTMENT_HOOK_ORDER)[number];

/**
 * The only work-order columns a hook may change (everything else is the work-order module's own
 * effect of the step, in transition-order.ts). Other fields are a type error and throw at runtime.
 */
export const HOOK_PATCHABLE = ['outletId', 'technicianId', 'technicianUserId'] as const;
export type HookPatchField = (typeof HOOK_PATCHABLE)[number];
export type HookPatch = Partial<Pick<WorkOrder, HookPatchField>>;

export interface TransitionHookInput {
  actor: Actor;
  order: WorkOrder;
  req: TransitionRequest;
  intents: TransitionIntents;
  now: Date;
}

/** What `within` also gets: a place to run work after the transaction commits. */
export interface TransitionWithinInput extends TransitionHookInput {
  afterCommit(fn: () => void | Promise<void>): void;
}

export type HookData = Record<string, unknown>;

export interface HookCheck<C> {
  patch?: HookPatch;
  data?: HookData;
  /** Handed to this hook's own `within`, and to nobody else. */
  pass?: C;
}

export interface TransitionHook<C = undefined> {
  name: HookName;
  /** Which target statuses this hook watches ('*' = every transition). */
  to: WorkOrderStatus | '*';
  /** Optionally only transitions out of these statuses. */
  from?: readonly WorkOrderStatus[];
  check?(input: TransitionHookInput): Promise<HookCheck<C> | void>;
  /** `passed` is what this hook's `check` returned as `pass` (undefined without one). */
  within?(
    trx: Kysely<Database>,
    input: TransitionWithinInput,
    passed: C | undefined,
  ): Promise<HookData | void>;
}

/**
 * Setting or moving an appointment outside a transition (appointment.ts): the assignment module
 * checks the technician's calendar (`check`, may throw) and tells the customer (`within`).
 */
export interface AppointmentHookInput {
  actor: Actor;
  order: WorkOrder;
  window: { start: string; end: string };
  reschedule: boolean;
  reason: string | null;
  now: Date;
}

export interface AppointmentHook<C = undefined> {
  name: AppointmentHookName;
  check?(input: AppointmentHookInput): Promise<C | void>;
  within?(
    trx: Kysely<Database>,
    input: AppointmentHookInput,
    passed: C | undefined,
  ): Promise<HookData | void>;
}

/** The checked hooks of one transition, each with its own `check` result, in run order. */
export interface CheckedHooks {
  patch: HookPatch;
  data: HookData;
  run: { hook: TransitionHook<unknown>; passed: unknown }[];
}

export interface CheckedAppointment {
  run: { hook: AppointmentHook<unknown>; passed: unknown }[];
}

/** Refuses a patch outside HOOK_PATCHABLE (a programming error, caught by the first test). */
export function assertPatch(hook: string, patch: Record<string, unknown>): void {
  for (const key of Object.keys(patch))
    if (!(HOOK_PATCHABLE as readonly string[]).includes(key))
      throw new Error(`transition hook ${hook} may not patch work_orders.${key}`);
}

function place<N extends string>(order: readonly N[], name: N, taken: Set<string>, kind: string): number {
  const at = order.indexOf(name);
  if (at < 0)
    throw new Error(`unknown ${kind} hook ${name}: add it to its ORDER list in workorders/hooks.ts`);
  if (taken.has(name)) throw new Error(`${kind} hook ${name} is registered twice`);
  taken.add(name);
  return at;
}

export class TransitionHooks {
  private readonly hooks: { at: number; hook: TransitionHook<unknown> }[] = [];
  private readonly appointmentHooks: { at: number; hook: AppointmentHook<unknown> }[] = [];
  private readonly names = new Set<string>();
  private readonly appointmentNames = new Set<string>();

  register<C>(hook: TransitionHook<C>): void {
    const at = place(HOOK_ORDER, hook.name, this.names, 'transition');
    this.hooks.push({ at, hook: hook as TransitionHook<unknown> });
    this.hooks.sort((a, b) => a.at - b.at);
  }

  registerAppointment<C>(hook: AppointmentHook<C>): void {
    const at = place(APPOINTMENT_HOOK_ORDER, hook.name, this.appointmentNames, 'appointment');
    this.appointmentHooks.push({ at, hook: hook as AppointmentHook<unknown> });
    this.appointmentHooks.sort((a, b) => a.at - b.at);
  }

  /**
   * Called by the composition root once every module is built: a declared hook whose module did
   * not register it would silently skip its rows, so startup fails instead.
   */
  assertComplete(): void {
    const missing = [
      ...HOOK_ORDER.filter((n) => !this.names.has(n)),
      ...APPOINTMENT_HOOK_ORDER.filter((n) => !this.appointmentNames.has(n)).map((n) => `${n} (appointment)`),
    ];
    if (missing.length)
      throw new Error(`transition hooks declared but not registered: ${missing.join(', ')}`);
  }

  /** The registered hook names in run order (for tests and docs). */
  registered(): HookName[] {
    return this.hooks.map((h) => h.hook.name);
  }

  private matching(from: WorkOrderStatus, to: WorkOrderStatus): TransitionHook<unknown>[] {
    return this.hooks
      .map((h) => h.hook)
      .filter((h) => (h.to === '*' || h.to === to) && (!h.from || h.from.includes(from)));
  }

  async check(input: TransitionHookInput): Promise<CheckedHooks> {
    const out: CheckedHooks = { patch: {}, data: {}, run: [] };
    for (const hook of this.matching(input.order.status, input.req.to)) {
      const r = (await hook.check?.(input)) ?? {};
      if (r.patch) {
        assertPatch(hook.name, r.patch);
        Object.assign(out.patch, r.patch);
      }
      if (r.data) Object.assign(out.data, r.data);
      out.run.push({ hook, passed: r.pass });
    }
    return out;
  }

  async within(
    trx: Kysely<Database>,
    input: TransitionWithinInput,
    checked: CheckedHooks,
  ): Promise<HookData> {
    const data: HookData = {};
    for (const { hook, passed } of checked.run) Object.assign(data, await hook.within?.(trx, input, passed));
    return data;
  }

  async checkAppointment(input: AppointmentHookInput): Promise<CheckedAppointment> {
    const run: CheckedAppointment['run'] = [];
    for (const { hook } of this.appointmentHooks) run.push({ hook, passed: await hook.check?.(input) });
    return { run };
  }

  async withinAppointment(
    trx: Kysely<Database>,
    input: AppointmentHookInput,
    checked: CheckedAppointment,
  ): Promise<HookData> {
    const data: HookData = {};
    for (const { hook, passed } of checked.run) Object.assign(data, await hook.within?.(trx, input, passed));
    return data;
  }
}
