import type { Objective, Plan, RoutingInstance, SolveResult } from '../domain/types.ts';

export interface WorkerRequest {
  instance: RoutingInstance;
  options: { objective?: Objective; seed?: number; maxIterations?: number; improvementIntervalMs?: number };
  /** Shared Int32Array: the parent stores 1 to cancel, the solver polls it between iterations. */
  stopFlag: Int32Array;
  deadlineEpochMs: number;
}

export type WorkerMessage = { type: 'progress'; plan: Plan } | { type: 'done'; result: SolveResult };
