import type { Kysely } from 'kysely';
import type { TransitionRequest } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { WorkOrderStatus, WorkOrdersTable } from './workorders.schema.ts';
import type { WorkOrderRow } from './workorders.repository.ts';

/**
 * Other modules (dispatch, assignment, fieldwork) take part in a transition without the work-order
 * module knowing them: `check` runs before the transaction and may refuse (throw a DomainError,
 * nothing changes) or add column changes and event data; `within` runs inside the transaction
 * right after the order row is updated, so its own rows commit or vanish with the status change.
 */
export interface TransitionHookInput {
  actor: Actor;
  order: WorkOrderRow;
  req: TransitionRequest;
  now: Date;
}

export interface TransitionHookResult {
  patch?: Partial<WorkOrdersTable>;
  data?: Record<string, unknown>;
}

export interface TransitionHook {
  /** Which target statuses this hook watches ('*' = every transition). */
  to: WorkOrderStatus | '*';
  /** Optionally only transitions out of these statuses. */
  from?: readonly WorkOrderStatus[];
  check?(input: TransitionHookInput): Promise<TransitionHookResult | void>;
  within?(trx: Kysely<Database>, input: TransitionHookInput): Promise<Record<string, unknown> | void>;
}

/**
 * Setting or moving an appointment outside a transition (appointment.ts): the assignment module
 * checks the technician's calendar (`check`, may throw) and tells the customer (`within`).
 */
export interface AppointmentHookInput {
  actor: Actor;
  order: WorkOrderRow;
  window: { start: string; end: string };
  reschedule: boolean;
  reason: string | null;
  now: Date;
}

export interface AppointmentHook {
  check?(input: AppointmentHookInput): Promise<void>;
  within?(trx: Kysely<Database>, input: AppointmentHookInput): Promise<Record<string, unknown> | void>;
}

export class TransitionHooks {
  private readonly hooks: TransitionHook[] = [];
  private readonly appointmentHooks: AppointmentHook[] = [];

  registerAppointment(hook: AppointmentHook): void {
    this.appointmentHooks.push(hook);
  }

  async checkAppointment(input: AppointmentHookInput): Promise<void> {
    for (const h of this.appointmentHooks) await h.check?.(input);
  }

  async withinAppointment(
    trx: Kysely<Database>,
    input: AppointmentHookInput,
  ): Promise<Record<string, unknown>> {
    const data: Record<string, unknown> = {};
    for (const h of this.appointmentHooks) Object.assign(data, await h.within?.(trx, input));
    return data;
  }

  register(hook: TransitionHook): void {
    this.hooks.push(hook);
  }

  private matching(from: WorkOrderStatus, to: WorkOrderStatus): TransitionHook[] {
    return this.hooks.filter((h) => (h.to === '*' || h.to === to) && (!h.from || h.from.includes(from)));
  }

  async check(input: TransitionHookInput): Promise<Required<TransitionHookResult>> {
    const out: Required<TransitionHookResult> = { patch: {}, data: {} };
    for (const h of this.matching(input.order.status, input.req.to)) {
      const r = await h.check?.(input);
      if (r?.patch) Object.assign(out.patch, r.patch);
      if (r?.data) Object.assign(out.data, r.data);
    }
    return out;
  }

  async within(trx: Kysely<Database>, input: TransitionHookInput): Promise<Record<string, unknown>> {
    const data: Record<string, unknown> = {};
    for (const h of this.matching(input.order.status, input.req.to)) {
      const r = await h.within?.(trx, input);
      if (r) Object.assign(data, r);
    }
    return data;
  }
}
