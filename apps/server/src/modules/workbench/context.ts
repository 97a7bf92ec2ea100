import type { SlaMetric, SlaState, WorkOrderListQuery } from '@anxin/contracts';
import type { Actor, ActorScope } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';

/** A count as the linked list shows it: `capped` when the list stops at its page size. */
export interface ListCount {
  count: number;
  capped: boolean;
}

export interface HourFigure {
  hour: string;
  count: number;
  onTime: number;
}

/**
 * What the workbench reads, each through the owning module's index (bound in modules.ts): the
 * workbench owns no table and never queries another module's.
 */
export interface WorkbenchPorts {
  countOrders(scope: ActorScope, filter: Pick<WorkOrderListQuery, 'status' | 'slaState'>): Promise<number>;
  slaAlarms(
    scope: ActorScope,
    limit: number,
  ): Promise<
    { id: string; number: string; customerName: string | null; slaState: SlaState; slaDueAt: string | null }[]
  >;
  alarmClocks(
    orderIds: readonly string[],
  ): Promise<Map<string, { metric: SlaMetric; state: SlaState; dueAt: string | null }>>;
  ordersPerHour(
    scope: ActorScope,
    column: 'created_at' | 'closed_at',
    from: string,
    to: string,
  ): Promise<HourFigure[]>;
  /** Callback verdicts per UTC hour (callback:read only). */
  callbackVerdictsPerHour(
    scope: ActorScope,
    from: string,
    to: string,
  ): Promise<{ hour: string; verdicts: number; satisfied: number }[]>;
  jobsToday(actor: Actor): Promise<number>;
  callbacksDue(actor: Actor): Promise<ListCount>;
  complaintsOpen(actor: Actor): Promise<ListCount>;
  statements(actor: Actor, status: 'draft' | 'confirmed' | 'disputed'): Promise<ListCount>;
  partsToApprove(actor: Actor): Promise<ListCount>;
  oldPartsToInspect(actor: Actor): Promise<ListCount>;
}

export interface WorkbenchContext {
  clock: Clock;
  ports: WorkbenchPorts;
}
