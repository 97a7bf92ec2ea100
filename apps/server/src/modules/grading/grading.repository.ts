import type { Kysely, Selectable } from 'kysely';
import type { GradingMetric, OutletGrade, ScorecardMetric, ScorecardStatus } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter, type ScopeColumns } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { classesOfOrders, outletVerdicts } from '../callbacks/index.ts';
import { settledOffers } from '../dispatch/index.ts';
import { arrivalsOfOrders } from '../fieldwork/index.ts';
import { clocksOfOrders } from '../sla/index.ts';
import type { CallbackFact, CompletionFact, ItemRow, OfferFact } from './domain/facts.ts';
import type { OutletScorecardsTable } from './grading.schema.ts';

type Db = Kysely<Database>;
type ScorecardRow = Selectable<OutletScorecardsTable> & { outlet_code: string; outlet_name: string };

/** An outlet's scorecard of a month (camelCase, metrics decoded, `lowVolume` a boolean). */
export interface ScorecardRecord {
  id: string;
  outletId: string;
  outletCode: string;
  outletName: string;
  month: string;
  status: ScorecardStatus;
  /** The weighted score in tenths of a point; null when no metric applied. */
  scoreTenths: number | null;
  scoreGrade: OutletGrade | null;
  grade: OutletGrade;
  previousGrade: OutletGrade;
  lowVolume: boolean;
  orderCount: number;
  metrics: ScorecardMetric[];
  computedAt: string;
  finalisedAt: string | null;
  version: number;
}

/** What a computation writes for one outlet's month (the policy is stored as it was applied). */
export interface ScorecardDraft {
  outletId: string;
  month: string;
  scoreTenths: number | null;
  scoreGrade: OutletGrade | null;
  grade: OutletGrade;
  previousGrade: OutletGrade;
  lowVolume: boolean;
  orderCount: number;
  metrics: readonly ScorecardMetric[];
  policy: unknown;
  computedAt: string;
  computedBy: string | null;
}

/** A draft scorecard as finalising reads it. */
export interface DraftCard {
  id: string;
  outletId: string;
  grade: OutletGrade;
  /** The weighted score in tenths of a point; null when no metric applied. */
  scoreTenths: number | null;
  version: number;
}

function toScorecard(r: ScorecardRow): ScorecardRecord {
  return {
    id: r.id,
    outletId: r.outlet_id,
    outletCode: r.outlet_code,
    outletName: r.outlet_name,
    month: r.month,
    status: r.status,
    scoreTenths: r.score_tenths,
    scoreGrade: r.score_grade,
    grade: r.grade,
    previousGrade: r.previous_grade,
    lowVolume: r.low_volume === 1,
    orderCount: r.order_count,
    metrics: JSON.parse(r.metrics) as ScorecardMetric[],
    computedAt: r.computed_at,
    finalisedAt: r.finalised_at,
    version: r.version,
  };
}

/** Scorecards follow their outlet's scope: district for region users, the outlet for its manager. */
const OUTLET_SCOPE: ScopeColumns = { region: 'o.district_code', outlet: 'o.id' };

export interface OutletRef {
  id: string;
  code: string;
  name: string;
  grade: OutletGrade;
  status: string;
}

/** One order counted in a scorecard metric (`hit`: it counted towards the numerator). */
export interface MetricItem {
  orderId: string | null;
  orderNumber: string | null;
  orderStatus: string | null;
  refId: string | null;
  hit: boolean;
  reason: string;
  at: string | null;
  dueAt: string | null;
}

/** The only SQL of the grading module: month facts (read-only over other modules' tables) and scorecards. */
export class GradingRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  // ---------- month facts ----------
  /** Offers made in [from, to) that the outlet accepted or let expire, with the response due time. */
  async offers(from: string, to: string): Promise<OfferFact[]> {
    const offers = await settledOffers(this.db, from, to);
    const response = await clocksOfOrders(
      this.db,
      offers.map((o) => o.orderId),
      'response',
    );
    return offers.map((o) => ({
      outletId: o.outletId,
      orderId: o.orderId,
      offerId: o.id,
      status: o.status,
      respondedAt: o.respondedAt,
      offerDueAt: o.dueAt,
      responseDueAt: response.get(o.orderId)?.dueAt ?? null,
    }));
  }

  /**
   * Orders completed in [from, to) with their outlet, arrival facts (SLA clock, field visits) and
   * classifications, the latter read through their owners' read functions.
   */
  async completions(from: string, to: string): Promise<CompletionFact[]> {
    const rows = await this.db
      .selectFrom('work_orders as wo')
      .select(['wo.id', 'wo.outlet_id', 'wo.type', 'wo.completed_at', 'wo.appointment_end'])
      .where('wo.completed_at', '>=', from)
      .where('wo.completed_at', '<', to)
      .where('wo.outlet_id', 'is not', null)
      .orderBy('wo.completed_at')
      .orderBy('wo.id')
      .execute();
    const ids = rows.map((r) => r.id);
    const [arrival, visits, classes] = await Promise.all([
      clocksOfOrders(this.db, ids, 'arrival'),
      arrivalsOfOrders(this.db, ids),
      classesOfOrders(this.db, ids),
    ]);
    return rows.map((r) => ({
      outletId: r.outlet_id!,
      orderId: r.id,
      orderType: r.type,
      completedAt: r.completed_at!,
      appointmentEnd: r.appointment_end,
      arrivalDueAt: arrival.get(r.id)?.dueAt ?? null,
      firstArrivalAt: visits.get(r.id)?.firstArrivalAt ?? null,
      arrivalStoppedAt: arrival.get(r.id)?.stoppedAt ?? null,
      visits: visits.get(r.id)?.visits ?? 0,
      classes: classes.get(r.id) ?? [],
    }));
  }

  /** Callbacks with a satisfied/unsatisfied outcome recorded in [from, to), by the order's outlet. */
  callbacks(from: string, to: string): Promise<CallbackFact[]> {
    return outletVerdicts(this.db, from, to);
  }

  outlets(): Promise<OutletRef[]> {
    return this.db
      .selectFrom('outlets')
      .select(['id', 'code', 'name', 'grade', 'status'])
      .orderBy('code')
      .execute();
  }

  /** Each outlet's grade from its latest finalised month before `month`. */
  async finalGradesBefore(month: string): Promise<Map<string, OutletGrade>> {
    const rows = await this.db
      .selectFrom('outlet_scorecards')
      .select(['outlet_id', 'month', 'grade'])
      .where('status', '=', 'final')
      .where('month', '<', month)
      .orderBy('month')
      .execute();
    return new Map(rows.map((r) => [r.outlet_id, r.grade]));
  }

  /** Outlets with a finalised scorecard after `month` (their current grade comes from that one). */
  async finalisedAfter(db: Db, month: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('outlet_scorecards')
      .select('outlet_id')
      .where('status', '=', 'final')
      .where('month', '>', month)
      .execute();
    return new Set(rows.map((r) => r.outlet_id));
  }

  // ---------- scorecards ----------
  private cardOf(db: Db, outletId: string, month: string) {
    return db
      .selectFrom('outlet_scorecards')
      .selectAll()
      .where('outlet_id', '=', outletId)
      .where('month', '=', month)
      .executeTakeFirst();
  }

  /**
   * Inserts or replaces a draft with its rows; a final card is left alone (returns false). A
   * computation of the same month committing meanwhile is a conflict (409).
   */
  async saveDraft(trx: Db, draft: ScorecardDraft, items: ItemRow[]): Promise<boolean> {
    const card: Omit<OutletScorecardsTable, 'id' | 'status' | 'version' | 'finalised_at' | 'finalised_by'> = {
      outlet_id: draft.outletId,
      month: draft.month,
      score_tenths: draft.scoreTenths,
      score_grade: draft.scoreGrade,
      grade: draft.grade,
      previous_grade: draft.previousGrade,
      low_volume: draft.lowVolume ? 1 : 0,
      order_count: draft.orderCount,
      metrics: JSON.stringify(draft.metrics),
      policy: JSON.stringify(draft.policy),
      computed_at: draft.computedAt,
      computed_by: draft.computedBy,
    };
    const existing = await this.cardOf(trx, card.outlet_id, card.month);
    if (existing?.status === 'final') return false;
    let id: string;
    if (existing) {
      id = existing.id;
      const r = await trx
        .updateTable('outlet_scorecards')
        .set({ ...card, version: existing.version + 1 })
        .where('id', '=', id)
        .where('version', '=', existing.version)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw new DomainError('resource.conflict', `The scorecards of ${card.month} are being computed`);
      await trx.deleteFrom('outlet_scorecard_items').where('scorecard_id', '=', id).execute();
    } else {
      id = newId();
      const r = await trx
        .insertInto('outlet_scorecards')
        .values({ ...card, id, status: 'draft', version: 1, finalised_at: null, finalised_by: null })
        .onConflict((oc) => oc.columns(['outlet_id', 'month']).doNothing())
        .executeTakeFirst();
      // A concurrent computation of the same month got there first.
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1)
        throw new DomainError('resource.conflict', `The scorecards of ${card.month} are being computed`);
    }
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < items.length; i += 200)
      await trx
        .insertInto('outlet_scorecard_items')
        .values(
          items.slice(i, i + 200).map((it) => ({
            id: newId(),
            scorecard_id: id,
            metric: it.metric,
            order_id: it.orderId,
            ref_id: it.refId,
            hit: it.hit ? 1 : 0,
            reason: it.reason,
            at: it.at,
            due_at: it.dueAt,
          })),
        )
        .execute();
    return true;
  }

  /** The month's draft scorecards, by outlet: what finalising needs of each. */
  async drafts(trx: Db, month: string): Promise<DraftCard[]> {
    const rows = await trx
      .selectFrom('outlet_scorecards')
      .select(['id', 'outlet_id', 'grade', 'score_tenths', 'version'])
      .where('month', '=', month)
      .where('status', '=', 'draft')
      .orderBy('outlet_id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      outletId: r.outlet_id,
      grade: r.grade,
      scoreTenths: r.score_tenths,
      version: r.version,
    }));
  }

  async finalise(trx: Db, id: string, version: number, at: string, by: string | null): Promise<boolean> {
    const r = await trx
      .updateTable('outlet_scorecards')
      .set({ status: 'final', finalised_at: at, finalised_by: by, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private cards(scope: ActorScope) {
    return this.db
      .selectFrom('outlet_scorecards as s')
      .innerJoin('outlets as o', 'o.id', 's.outlet_id')
      .selectAll('s')
      .select(['o.code as outlet_code', 'o.name as outlet_name'])
      .where(scopeFilter<any, any>(scope, OUTLET_SCOPE));
  }

  async listMonth(scope: ActorScope, month: string): Promise<ScorecardRecord[]> {
    return (await this.cards(scope).where('s.month', '=', month).orderBy('o.code').execute()).map(
      toScorecard,
    );
  }

  async history(scope: ActorScope, outletId: string, limit: number): Promise<ScorecardRecord[]> {
    const rows = await this.cards(scope)
      .where('s.outlet_id', '=', outletId)
      .orderBy('s.month', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toScorecard);
  }

  async card(scope: ActorScope, outletId: string, month: string): Promise<ScorecardRecord | undefined> {
    const row = await this.cards(scope)
      .where('s.outlet_id', '=', outletId)
      .where('s.month', '=', month)
      .executeTakeFirst();
    return row && toScorecard(row);
  }

  outletInScope(scope: ActorScope, outletId: string) {
    return this.db
      .selectFrom('outlets as o')
      .select(['o.id', 'o.code', 'o.name', 'o.grade'])
      .where('o.id', '=', outletId)
      .where(scopeFilter<any, any>(scope, OUTLET_SCOPE))
      .executeTakeFirst();
  }

  async metricItems(scorecardId: string, metric: GradingMetric): Promise<MetricItem[]> {
    const rows = await this.db
      .selectFrom('outlet_scorecard_items as i')
      .leftJoin('work_orders as wo', 'wo.id', 'i.order_id')
      .select([
        'i.order_id',
        'wo.number as order_number',
        'wo.status as order_status',
        'i.ref_id',
        'i.hit',
        'i.reason',
        'i.at',
        'i.due_at',
      ])
      .where('i.scorecard_id', '=', scorecardId)
      .where('i.metric', '=', metric)
      .orderBy('i.hit')
      .orderBy('i.at')
      .orderBy('i.id')
      .execute();
    return rows.map((r) => ({
      orderId: r.order_id,
      orderNumber: r.order_number,
      orderStatus: r.order_status,
      refId: r.ref_id,
      hit: r.hit === 1,
      reason: r.reason,
      at: r.at,
      dueAt: r.due_at,
    }));
  }
}

/**
 * The month's FINALISED grade of an outlet, which settlement pays the month at; null while the
 * month is a draft or was not computed (settlement then takes the outlet's current grade, which
 * the last finalisation wrote). A draft is still open to change and never sets money.
 */
export async function gradeOf(db: Db, outletId: string, month: string): Promise<OutletGrade | null> {
  const r = await db
    .selectFrom('outlet_scorecards')
    .select('grade')
    .where('outlet_id', '=', outletId)
    .where('month', '=', month)
    .where('status', '=', 'final')
    .executeTakeFirst();
  return r?.grade ?? null;
}
