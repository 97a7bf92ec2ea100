import { KpiTargetsSchema, type KpiPanel, type KpiTargets } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { readSetting, writeSetting } from '../../platform/settings/index.ts';
import { eventActorOf, type EvaluationContext } from './context.ts';
import { DEFAULT_KPI_TARGETS, KPI_TARGETS_KEY } from './domain/defaults.ts';
import { computeKpis } from './domain/kpis.ts';

const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The business date (Asia/Shanghai) of an instant. */
const businessDate = (d: Date) => new Date(d.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);
/** 00:00 Shanghai of a business date, as a UTC instant. */
const startOf = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_MS);

/** The live KPI panel beside the evaluation, against the configurable targets. */
export class KpiService {
  private readonly ctx: EvaluationContext;
  constructor(ctx: EvaluationContext) {
    this.ctx = ctx;
  }

  targets() {
    return readSetting(this.ctx.db, KPI_TARGETS_KEY, KpiTargetsSchema, DEFAULT_KPI_TARGETS);
  }

  async targetsView() {
    const t = await this.targets();
    return { ...t.value, version: t.version };
  }

  async putTargets(actor: Actor, input: KpiTargets & { version: number }) {
    const { version, ...value } = input;
    const saved = await withTransaction(this.ctx.db, this.ctx.dialect, ({ trx }) =>
      writeSetting(
        trx,
        KPI_TARGETS_KEY,
        KpiTargetsSchema,
        value,
        version,
        eventActorOf(actor),
        this.ctx.clock.now(),
      ),
    );
    return { ...saved.value, version: saved.version };
  }

  /**
   * KPIs over business dates [from, to] (inclusive, Asia/Shanghai; default: the current month to
   * today). Coverage and self-built share are the network's state now, not per period.
   */
  async panel(actor: Actor, q: { from?: string; to?: string }): Promise<KpiPanel> {
    const now = this.ctx.clock.now();
    const to = q.to ?? businessDate(now);
    const from = q.from ?? `${to.slice(0, 8)}01`;
    if (from > to) throw fieldError('from', 'order', `from ${from} is after to ${to}`);
    const fromIso = startOf(from).toISOString();
    const toIso = new Date(startOf(to).getTime() + DAY_MS).toISOString();
    const [targets, coverage, complaints, orders, callbacks, responseClocks] = await Promise.all([
      this.targets(),
      this.ctx.coverage(actor),
      this.ctx.complaintFacts(this.ctx.db, { from: fromIso, to: toIso }),
      this.ctx.kpiRepo.serviceOrders(fromIso, toIso),
      this.ctx.kpiRepo.callbackVerdicts(fromIso, toIso),
      this.ctx.kpiRepo.responseClocks(fromIso, toIso),
    ]);
    const opened = complaints.filter((c) => c.openedAt >= fromIso && c.openedAt < toIso);
    const kpis = computeKpis(
      {
        coverage: { covered: coverage.regionCoverage.covered, total: coverage.regionCoverage.total },
        selfBuilt: { selfBuilt: coverage.selfBuilt.selfBuilt, active: coverage.selfBuilt.active },
        orders,
        complaints: { opened: opened.length, resolved: opened.filter((c) => c.resolvedAt !== null).length },
        callbacks,
        responseClocks,
      },
      targets.value,
      now,
    );
    return {
      from,
      to,
      computedAt: now.toISOString(),
      targets: { ...targets.value, version: targets.version },
      kpis,
    };
  }
}
