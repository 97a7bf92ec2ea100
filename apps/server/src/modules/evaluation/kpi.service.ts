import { KpiTargetsSchema, type ClockKpiKey, type KpiOrders, type KpiPanel } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { type EvaluationContext } from './context.ts';
import { DEFAULT_KPI_TARGETS, KPI_TARGETS_KEY } from './domain/defaults.ts';
import { clockVerdict, computeKpis, responseVerdict } from './domain/kpis.ts';

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

  /** The targets; fields a stored version predates read their defaults. */
  async targets() {
    const t = await readSetting(this.ctx.db, KPI_TARGETS_KEY, KpiTargetsSchema, DEFAULT_KPI_TARGETS);
    return { ...t, value: { ...DEFAULT_KPI_TARGETS, ...t.value } };
  }

  private period(q: { from?: string | undefined; to?: string | undefined }) {
    const now = this.ctx.clock.now();
    const to = q.to ?? businessDate(now);
    const from = q.from ?? `${to.slice(0, 8)}01`;
    if (from > to) throw fieldError('from', 'order', `from ${from} is after to ${to}`);
    const fromIso = startOf(from).toISOString();
    const toIso = new Date(startOf(to).getTime() + DAY_MS).toISOString();
    return { now, from, to, fromIso, toIso };
  }

  /**
   * The orders behind a clock KPI over the same period as the panel, each with its verdict (met,
   * missed, pending, unknown), so every figure on the panel can be checked order by order.
   */
  async orders(
    key: ClockKpiKey,
    q: { from?: string | undefined; to?: string | undefined },
  ): Promise<KpiOrders> {
    const { now, from, to, fromIso, toIso } = this.period(q);
    const metric =
      key === 'firstContactOnTime'
        ? 'first_contact'
        : key === 'responseOnTime'
          ? 'response'
          : key === 'resolutionOnTime'
            ? 'resolution'
            : null;
    const { value: targets } = await this.targets();
    const rows = await this.ctx.kpiRepo.clocks(metric, fromIso, toIso);
    const items = rows
      .map((r) => ({
        ...r,
        verdict:
          key === 'responseOnTime'
            ? responseVerdict(r, targets.responseWindowHours, now)
            : clockVerdict(r, now),
      }))
      .filter((r) => key !== 'slaUnknown' || r.verdict === 'unknown');
    return { key, from, to, items };
  }

  /**
   * KPIs over business dates [from, to] (inclusive, Asia/Shanghai; default: the current month to
   * today). Coverage and self-built share are the network's state now, not per period.
   */
  async panel(actor: Actor, q: { from?: string; to?: string }): Promise<KpiPanel> {
    const { now, from, to, fromIso, toIso } = this.period(q);
    const [targets, coverage, complaints, orders, callbacks, responseClocks, clocks] = await Promise.all([
      this.targets(),
      this.ctx.coverage(actor),
      this.ctx.complaintFacts(this.ctx.db, { from: fromIso, to: toIso }),
      this.ctx.kpiRepo.serviceOrders(fromIso, toIso),
      this.ctx.kpiRepo.callbackVerdicts(fromIso, toIso),
      this.ctx.kpiRepo.responseClocks(fromIso, toIso),
      this.ctx.kpiRepo.clocks(null, fromIso, toIso),
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
        firstContactClocks: clocks.filter((c) => c.metric === 'first_contact'),
        resolutionClocks: clocks.filter((c) => c.metric === 'resolution'),
        clocks: { started: clocks.length, unknown: clocks.filter((c) => c.dueAt === null).length },
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
