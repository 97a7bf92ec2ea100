import type { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../../../database.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import type { DialectName } from '../../../platform/db/types.ts';
import type { SmsNotice } from '../../../platform/notify/index.ts';
import type { TransitionRequest, WorkOrderDetail } from '@anxin/contracts';
import type { SolveResult, RoutingInstance } from '../domain/types.ts';
import type { WorkerSolveOptions } from '../worker/solve-in-worker.ts';
import type { PlanningRepository } from './planning.repository.ts';

/** Working intervals per technician (the network module's `availability`). */
export type Availability = (
  technicianIds: string[],
  fromIso: string,
  toIso: string,
) => Promise<Map<string, { start: string; end: string }[]>>;

/** What acceptance passes to the work-order transition hooks while it applies one order. */
export interface AcceptScope {
  planId: string;
  /** The customer's message for an order whose window changes (sent with the status change). */
  notices: Map<string, SmsNotice>;
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
      requestId?: string | null,
    ): Promise<WorkOrderDetail>;
  };
  calendar: () => Promise<{ isWorkday(date: string): boolean }>;
  availability?: Availability | undefined;
  solve: (instance: RoutingInstance, options: WorkerSolveOptions) => Promise<SolveResult>;
  nudgeOutbox: () => void;
  acceptScope: AsyncLocalStorage<AcceptScope>;
}
