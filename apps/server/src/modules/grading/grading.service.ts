import {
  GRADING_METRICS,
  GradingPolicySchema,
  LOWER_IS_BETTER,
  PERMISSIONS,
  type GradingFinaliseResult,
  type GradingMetric,
  type GradingPolicy,
  type GradingRunResult,
  type MetricOrders,
  type OutletGrade,
  type Scorecard,
  type ScorecardHistory,
  type ScorecardList,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, refuse } from '../../platform/http/errors.ts';
import { readSetting } from '../../platform/settings/index.ts';
import {
  applyExclusions,
  outletMonths,
  type ComplaintFact,
  type GradeExclusion,
  type OutletMonth,
} from './domain/facts.ts';
import { DEFAULT_GRADING_POLICY, GRADING_POLICY_KEY } from './domain/policy.ts';
import { businessDay, monthOf, monthRange, previousMonth, scoreMonth } from './domain/score.ts';
import type { GradingRepository, ScorecardRecord } from './grading.repository.ts';
import { outletGrade, setOutletGrade } from '../network/index.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';

/** What the complaints module's `complaintFacts` returns per complaint (see its index.ts). */
export interface ComplaintFactInput {
  id: string;
  orderId: string | null;
  outletId: string | null;
  responsibility: string | null;
  responsibleOutletId: string | null;
  causeIsAttitude: boolean | number;
  openedAt: string;
  resolvedAt?: string | null;
  status: string;
}
export type ComplaintFactsReader = (
  db: Kysely<Database>,
  range: { from: string; to: string },
) => Promise<readonly ComplaintFactInput[]>;

/** Grade inputs upheld appeals removed (settlement's `grading_exclusions`), for the given orders. */
export type ExclusionsReader = (
  db: Kysely<Database>,
  orderIds: readonly string[],
) => Promise<readonly GradeExclusion[]>;

export interface GradingContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  repo: GradingRepository;
  /** The complaints module's `complaintFacts` (complaints opened in [from, to)). */
  complaintFacts: ComplaintFactsReader;
  exclusions: ExclusionsReader;
}

const MONTH_STREAM = 'grading_month';
const SYSTEM_ACTOR = systemActor(PERMISSIONS);
const HISTORY_MONTHS = 24;

const actorId = (a: Actor): string | null => (a.kind === 'system' ? null : a.userId);

export function scorecardView(c: ScorecardRecord): Scorecard {
  return {
    outletId: c.outletId,
    outletCode: c.outletCode,
    outletName: c.outletName,
    month: c.month,
    status: c.status,
    score: c.scoreTenths === null ? null : c.scoreTenths / 10,
    scoreGrade: c.scoreGrade,
    grade: c.grade,
    previousGrade: c.previousGrade,
    lowVolume: c.lowVolume,
    orderCount: c.orderCount,
    metrics: c.metrics,
    computedAt: c.computedAt,
    finalisedAt: c.finalisedAt,
    version: c.version,
  };
}

const emptyMonth = (): OutletMonth => ({
  figures: Object.fromEntries(
    GRADING_METRICS.map((m) => [m, { numerator: 0, denominator: 0 }]),
  ) as OutletMonth['figures'],
  orderCount: 0,
  items: [],
});

/** The grading use cases behind the routes and the monthly job. */
export class GradingService {
  readonly ctx: GradingContext;

  constructor(ctx: GradingContext) {
    this.ctx = ctx;
  }

  async policy(): Promise<{ policy: GradingPolicy; version: number }> {
    const p = await readSetting(this.ctx.db, GRADING_POLICY_KEY, GradingPolicySchema, DEFAULT_GRADING_POLICY);
    return { policy: p.value, version: p.version };
  }

  /**
   * Computes (or recomputes) the month's draft scorecards of every active outlet and of any
   * outlet with orders in the month. Finalised cards are locked; a month that is wholly final is
   * refused.
   */
  async run(actor: Actor, month: string): Promise<GradingRunResult> {
    const now = this.ctx.clock.now();
    if (month > monthOf(now)) throw fieldError('month', 'not_in_future', `${month} has not begun yet`);
    const { policy } = await this.policy();
    const { from, to } = monthRange(month);
    const { repo } = this.ctx;
    const [offers, completions, callbacks, complaintRows] = await Promise.all([
      repo.offers(from, to),
      repo.completions(from, to),
      repo.callbacks(from, to),
      this.ctx.complaintFacts(this.ctx.db, { from, to }),
    ]);
    const complaints: ComplaintFact[] = complaintRows
      // The reader may return a wider range; only complaints opened in the month count.
      .filter((c) => c.openedAt >= from && c.openedAt < to)
      .map((c) => ({
        id: c.id,
        orderId: c.orderId,
        outletId: c.outletId,
        responsibility: c.responsibility,
        responsibleOutletId: c.responsibleOutletId,
        causeIsAttitude: Boolean(c.causeIsAttitude),
        openedAt: c.openedAt,
        resolvedAt: c.resolvedAt ?? null,
        status: c.status,
      }));
    const orderIds = [
      ...new Set([
        ...completions.map((c) => c.orderId),
        ...callbacks.map((c) => c.orderId),
        ...complaints.flatMap((c) => (c.orderId ? [c.orderId] : [])),
      ]),
    ];
    const excluded = await this.ctx.exclusions(this.ctx.db, orderIds);
    const months = outletMonths(applyExclusions({ offers, completions, callbacks, complaints }, excluded));
    const outlets = await repo.outlets();
    const previous = await repo.finalGradesBefore(month);
    const at = now.toISOString();
    let computed = 0;
    let locked = 0;
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      computed = 0;
      locked = 0;
      for (const o of outlets) {
        const om = months.get(o.id);
        if (!om && o.status !== 'active') continue;
        const m = om ?? emptyMonth();
        const previousGrade: OutletGrade = previous.get(o.id) ?? o.grade;
        const s = scoreMonth(m.figures, m.orderCount, previousGrade, policy);
        const saved = await repo.saveDraft(
          trx,
          {
            outletId: o.id,
            month,
            scoreTenths: s.score === null ? null : Math.round(s.score * 10),
            scoreGrade: s.scoreGrade,
            grade: s.grade,
            previousGrade,
            lowVolume: s.lowVolume,
            orderCount: m.orderCount,
            metrics: s.metrics,
            policy,
            computedAt: at,
            computedBy: actorId(actor),
          },
          m.items,
        );
        if (saved) computed++;
        else locked++;
      }
      if (computed === 0 && locked > 0)
        throw refuse(
          'grading.month_final',
          { month },
          { path: 'month', detail: `The scorecards of ${month} are final and cannot be recomputed` },
        );
      await appendEvent(trx, {
        streamType: MONTH_STREAM,
        streamId: month,
        type: 'grading.computed',
        actor: eventActorOf(actor),
        at: now,
        data: { computed, locked },
      });
    });
    const list = await this.list(actor, month);
    return { month, computed, locked, items: list.items };
  }

  /**
   * Locks the month's drafts and writes each outlet's grade, which dispatch ranking reads, unless
   * a later month is already final for that outlet. A grade change is an `outlet.grade_changed`
   * event on the outlet's stream, in the same transaction.
   */
  async finalise(actor: Actor, month: string): Promise<GradingFinaliseResult> {
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const { repo } = this.ctx;
    return withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const drafts = await repo.drafts(trx, month);
      if (!drafts.length)
        throw refuse(
          'grading.no_draft',
          { month },
          { path: 'month', detail: `${month} has no draft scorecards to finalise` },
        );
      const later = await repo.finalisedAfter(trx, month);
      const gradesChanged: GradingFinaliseResult['gradesChanged'] = [];
      let finalised = 0;
      for (const d of drafts) {
        if (!(await repo.finalise(trx, d.id, d.version, at, actorId(actor)))) continue;
        finalised++;
        if (later.has(d.outletId)) continue;
        const current = await outletGrade(trx, d.outletId);
        if (current.grade === d.grade) continue;
        await setOutletGrade(trx, d.outletId, d.grade, at);
        await appendEvent(trx, {
          streamType: 'outlet',
          streamId: d.outletId,
          type: 'outlet.grade_changed',
          actor: eventActorOf(actor),
          at: now,
          data: {
            from: current.grade,
            to: d.grade,
            month,
            score: d.scoreTenths === null ? null : d.scoreTenths / 10,
          },
        });
        gradesChanged.push({ outletId: d.outletId, from: current.grade, to: d.grade });
      }
      await appendEvent(trx, {
        streamType: MONTH_STREAM,
        streamId: month,
        type: 'grading.finalised',
        actor: eventActorOf(actor),
        at: now,
        data: { finalised, gradesChanged },
      });
      return { month, finalised, gradesChanged };
    });
  }

  async list(actor: Actor, month: string): Promise<ScorecardList> {
    const rows = await this.ctx.repo.listMonth(actor.scope, month);
    const items = rows
      .map(scorecardView)
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.outletCode.localeCompare(b.outletCode));
    const statuses = new Set(items.map((i) => i.status));
    const status = !items.length
      ? 'none'
      : statuses.size > 1
        ? 'mixed'
        : statuses.has('final')
          ? 'final'
          : 'draft';
    return { month, status, items };
  }

  async history(actor: Actor, outletId: string): Promise<ScorecardHistory> {
    const outlet = await this.ctx.repo.outletInScope(actor.scope, outletId);
    if (!outlet) throw notFound('outlet', outletId);
    const rows = await this.ctx.repo.history(actor.scope, outletId, HISTORY_MONTHS);
    return {
      outletId: outlet.id,
      outletCode: outlet.code,
      outletName: outlet.name,
      currentGrade: outlet.grade,
      items: rows.map(scorecardView),
    };
  }

  async metricOrders(
    actor: Actor,
    outletId: string,
    month: string,
    metric: GradingMetric,
  ): Promise<MetricOrders> {
    const card = await this.ctx.repo.card(actor.scope, outletId, month);
    if (!card) throw notFound('scorecard', `${outletId}/${month}`);
    const figure = card.metrics.find((m) => m.metric === metric);
    const rows = await this.ctx.repo.metricItems(card.id, metric);
    // The rows that cost points first: misses of a good share, hits of a bad rate.
    const lower = LOWER_IS_BETTER.includes(metric);
    const problem = (hit: boolean) => (lower ? hit : !hit);
    rows.sort((a, b) => Number(problem(b.hit)) - Number(problem(a.hit)));
    return {
      outletId,
      month,
      metric,
      numerator: figure?.numerator ?? 0,
      denominator: figure?.denominator ?? 0,
      items: rows,
    };
  }

  /**
   * The `grading.monthly` job: from the policy's day of the month on, computes the previous
   * month's drafts once (a month that already has scorecards is left to the people reviewing it).
   */
  async monthlyRun(now: Date = this.ctx.clock.now()): Promise<{ month: string; computed: number } | null> {
    const { policy } = await this.policy();
    if (businessDay(now) < policy.runOnDay) return null;
    const month = previousMonth(monthOf(now));
    const existing = await this.ctx.repo.listMonth(SYSTEM_ACTOR.scope, month);
    if (existing.length) return null;
    const r = await this.run(SYSTEM_ACTOR, month);
    return { month, computed: r.computed };
  }
}
