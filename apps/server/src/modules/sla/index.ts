import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { statutoryCalendarProvider } from './calendar-provider.ts';
import type { Calendar } from './clocks.ts';
import { evaluateSlas, scheduleSlaEvaluation } from './jobs/evaluate.ts';
import { SlaService } from './sla.service.ts';
import type { SlaOrdersPort } from './sla.repository.ts';

export { SlaService, toClockView, SLA_POLICIES_KEY, type ClockView, type PlannedSla } from './sla.service.ts';
export { SLA_EVALUATE_JOB, type EvaluateResult } from './jobs/evaluate.ts';
export { DEFAULT_SLA_POLICIES } from './domain/defaults.ts';
export { computeDeadlines, evaluateClock, type WorkingTime } from './domain/clock.ts';
export { resolveMetrics, withContract, type ContractPromise } from './domain/policy.ts';
export type { Calendar } from './clocks.ts';
// Pure clock functions: the demo/scale seed replays order histories through them (src/seed).
export { newClocks, applyStatus, orderSla, refreshClock } from './clocks.ts';
export type { ClockRecord, SlaOrdersPort } from './sla.repository.ts';
export {
  alarmingClocksOf,
  clockRow,
  clocksOfOrders,
  clocksStarted,
  type ClockSpan,
} from './sla.repository.ts';

export interface SlaOptions {
  /** The tenant calendar (modules/calendar `service.current`); defaults to the statutory one. */
  calendar?: () => Promise<Calendar>;
}

export function createSla(deps: AppDeps, opts: SlaOptions = {}) {
  const calendar = opts.calendar ?? statutoryCalendarProvider();
  const service = new SlaService({ db: deps.db, dialect: deps.dialect, clock: deps.clock, calendar });
  let orders: SlaOrdersPort | null = null;
  const evaluate = (now: Date = deps.clock.now()) => {
    if (!orders) throw new Error('sla: work-order port not bound (createWorkOrders calls sla.useOrders)');
    return evaluateSlas(
      { db: deps.db, dialect: deps.dialect, repo: service.repo, orders, calendar, logger: deps.logger },
      now,
    );
  };
  return {
    service,
    /** Binds the writes of `work_orders` SLA columns, owned by the work-order module. */
    useOrders: (port: SlaOrdersPort) => {
      orders = port;
    },
    /** Runs one evaluation pass (the `sla.evaluate` job body); safe to call repeatedly. */
    evaluateSlas: evaluate,
    /** Registers and schedules `sla.evaluate` on the app's JobQueue. */
    scheduleJobs: (jobs: JobQueue, everySeconds = 60) =>
      scheduleSlaEvaluation(jobs, () => evaluate(), everySeconds),
    // The policies are the `sla.policies` setting, edited through /api/v1/settings (sla.settings.ts).
    register: (_app: FastifyInstance) => undefined,
  };
}
export type SlaModule = ReturnType<typeof createSla>;
export { SLA_SETTINGS } from './sla.settings.ts';
