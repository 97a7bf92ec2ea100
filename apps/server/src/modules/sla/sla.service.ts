import {
  SlaPolicySetSchema,
  type SlaPolicySet,
  type SlaState,
  type WorkOrderStatusName,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { DEFAULT_SLA_POLICIES } from './domain/defaults.ts';
import { resolveMetrics, withContract, type ContractPromise, type PolicySubject } from './domain/policy.ts';
import { applyStatus, clockPaused, newClocks, orderSla, type Calendar } from './clocks.ts';
import { SlaRepository, type ClockRecord } from './sla.repository.ts';

export const SLA_POLICIES_KEY = 'sla.policies';

export interface SlaDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  calendar: () => Promise<Calendar>;
}

export interface PlannedSla {
  clocks: ClockRecord[];
  state: SlaState;
  dueAt: string | null;
}

export interface ClockView {
  metric: ClockRecord['metric'];
  mode: ClockRecord['mode'];
  startedAt: string;
  dueAt: string | null;
  atRiskAt: string | null;
  stoppedAt: string | null;
  paused: boolean;
  state: SlaState;
  error: string | null;
}

export const toClockView = (c: ClockRecord): ClockView => ({
  metric: c.metric,
  mode: c.mode,
  startedAt: c.startedAt,
  dueAt: c.dueAt,
  atRiskAt: c.atRiskAt,
  stoppedAt: c.stoppedAt,
  paused: clockPaused(c),
  state: c.state,
  error: c.error,
});

export class SlaService {
  readonly repo: SlaRepository;
  private readonly deps: SlaDeps;

  constructor(deps: SlaDeps) {
    this.deps = deps;
    this.repo = new SlaRepository(deps.db);
  }

  async policies(): Promise<{ policies: SlaPolicySet['policies']; version: number }> {
    const s = await readSetting(this.deps.db, SLA_POLICIES_KEY, SlaPolicySetSchema, DEFAULT_SLA_POLICIES);
    return { policies: s.value.policies, version: s.version };
  }

  /** Clocks for a new order, computed before it is written so the order row carries its SLA columns. */
  async plan(
    orderId: string,
    subject: PolicySubject,
    registeredAt: Date,
    contract: ContractPromise | null = null,
  ): Promise<PlannedSla> {
    const { policies } = await this.policies();
    const clocks = newClocks(
      orderId,
      withContract(resolveMetrics(policies, subject), contract),
      registeredAt,
      await this.deps.calendar(),
    );
    const sla = orderSla(clocks);
    return { clocks, state: sla.state, dueAt: sla.dueAt };
  }

  insertPlanned(trx: Kysely<Database>, planned: PlannedSla, now: Date): Promise<void> {
    return this.repo.insertClocks(trx, planned.clocks, now.toISOString());
  }

  /**
   * Stops, pauses or resumes the order's clocks for a status change, inside the caller's
   * transaction; returns the new SLA columns and a writer for the changed clocks. `cal` comes from
   * `calendar()` before the transaction: loading it may query the database, which on SQLite's
   * single connection would wait on the open transaction forever.
   */
  async onStatusChange(
    trx: Kysely<Database>,
    cal: Calendar,
    orderId: string,
    from: WorkOrderStatusName,
    to: WorkOrderStatusName,
    pausedIn: readonly WorkOrderStatusName[],
    now: Date,
  ) {
    const clocks = await this.repo.clocksOf(trx, orderId);
    const changed: { clock: ClockRecord; restarted: boolean }[] = [];
    const next = clocks.map((c) => {
      const n = applyStatus(c, from, to, pausedIn, now, cal);
      if (n) changed.push({ clock: n, restarted: n.startedAt !== c.startedAt });
      return n ?? c;
    });
    const sla = orderSla(next);
    return {
      state: sla.state,
      dueAt: sla.dueAt,
      clocks: next,
      write: async () => {
        for (const c of changed)
          await this.repo.updateClock(trx, c.clock, now.toISOString(), { resetRaised: c.restarted });
      },
    };
  }

  calendar(): Promise<Calendar> {
    return this.deps.calendar();
  }

  async clocksOf(orderId: string): Promise<ClockView[]> {
    return (await this.repo.clocksOf(this.deps.db, orderId)).map(toClockView);
  }
}
