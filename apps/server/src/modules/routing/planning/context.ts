import type { Kysely } from 'kysely';
import type { Database } from '../../../database.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import type { DialectName } from '../../../platform/db/types.ts';
import type { SmsNotice } from '../../../platform/notify/index.ts';
import type { TransitionRequest, WorkOrderDetail } from '@anxin/contracts';
import type { TransitionInput } from '../../workorders/index.ts';
import type { SolveResult, RoutingInstance } from '../domain/types.ts';
import type { WorkerSolveOptions } from '../worker/solve-in-worker.ts';
import type { PlanningRepository } from './planning.repository.ts';

/** Working intervals per technician (the network module's `availability`). */
export type Availability = (
  technicianIds: string[],
  fromIso: string,
  toIso: string,
) => Promise<Map<string, { start: string; end: string }[]>>;

/**
 * What acceptance passes to the work-order transition hooks (`intents.routing`) for one order:
 * the plan stamps the step, and the customer's message about a changed window is queued with it.
 */
export interface RoutingIntent {
  planId: string;
  /** The customer's message when the order's window changes (`to` is filled by the hook). */
  notice: SmsNotice | null;
}

declare module '../../workorders/hooks.ts' {
  interface TransitionIntents {
    routing?: RoutingIntent;
  }
}

export interface PlanningContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  repo: PlanningRepository;
  workOrders: {
    transition(
      actor: Actor,
      id: string,
      req: TransitionRequest,
      input?: TransitionInput,
    ): Promise<WorkOrderDetail>;
  };
  calendar: () => Promise<{ isWorkday(date: string): boolean }>;
  availability?: Availability | undefined;
  solve: (instance: RoutingInstance, options: WorkerSolveOptions) => Promise<SolveResult>;
  nudgeOutbox: () => void;
}
