import { sql, type Kysely, type Selectable } from 'kysely';
import type { GradingMetric, OrderClass, OutletGrade } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { scopeFilter, type ScopeColumns } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { CallbackFact, CompletionFact, GradeExclusion, ItemRow, OfferFact } from './domain/facts.ts';
import type { OutletScorecardsTable } from './grading.schema.ts';

type Db = Kysely<Database>;
export type ScorecardRow = Selectable<OutletScorecardsTable> & { outlet_code: string; outlet_name: string };

/** Scorecards follow their outlet's scope: district for region users, the outlet for its manager. */
const OUTLET_SCOPE: ScopeColumns = { region: 'o.district_code', outlet: 'o.id' };

export interface OutletRef {
  id: string;
  code: string;
  name: string;
  grade: OutletGrade;
  status: string;
}

export interface MetricItemRow {
  order_id: string | null;
  order_number: string | null;
  order_status: string | null;
  ref_id: string | null;
  hit: number;
  reason: string;
  at: string | null;
  due_at: string | null;
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
    const rows = await this.db
      .selectFrom('dispatch_offers as o')
      .leftJoin('sla_clocks as c', (j) =>
        j.onRef('c.order_id', '=', 'o.order_id').on('c.metric', '=', 'response'),
      )
      .select([
        'o.id',
        'o.order_id',
        'o.outlet_id',
        'o.status',
        'o.responded_at',
        'o.due_at',
        'c.due_at as response_due_at',
      ])
      .where('o.offered_at', '>=', from)
      .where('o.offered_at', '<', to)
      .where('o.status', 'in', ['accepted', 'expired'])
      .orderBy('o.offered_at')
      .orderBy('o.id')
      .execute();
    return rows.map((r) => ({
      outletId: r.outlet_id,
      orderId: r.order_id,
      offerId: r.id,
      status: r.status as OfferFact['status'],
      respondedAt: r.responded_at,
      offerDueAt: r.due_at,
      responseDueAt: r.response_due_at,
    }));
  }

  /** Orders completed in [from, to) with their outlet, arrival facts and classifications. */
  async completions(from: string, to: string): Promise<CompletionFact[]> {
    const visits = this.db
      .selectFrom('field_visits')
      .select((eb) => [
        'order_id',
        eb.fn.min('arrived_at').as('first_arrival_at'),
        eb.fn.count<number | string>('arrived_at').as('visits'),
      ])
      .groupBy('order_id')
      .as('v');
    const rows = await this.db
      .selectFrom('work_orders as wo')
      .leftJoin('sla_clocks as c', (j) => j.onRef('c.order_id', '=', 'wo.id').on('c.metric', '=', 'arrival'))
      .leftJoin(visits, 'v.order_id', 'wo.id')
      .select([
        'wo.id',
        'wo.outlet_id',
        'wo.type',
        'wo.completed_at',
        'wo.appointment_end',
        'c.due_at as arrival_due_at',
        'c.stopped_at as arrival_stopped_at',
        'v.first_arrival_at',
        'v.visits',
      ])
      .where('wo.completed_at', '>=', from)
      .where('wo.completed_at', '<', to)
      .where('wo.outlet_id', 'is not', null)
      .orderBy('wo.completed_at')
      .orderBy('wo.id')
      .execute();
    const classes = await this.db
      .selectFrom('order_classifications')
      .select(['order_id', 'class'])
      .where('order_id', 'in', (eb) =>
        eb
          .selectFrom('work_orders')
          .select('id')
          .where('completed_at', '>=', from)
          .where('completed_at', '<', to),
      )
      .execute();
    const byOrder = new Map<string, OrderClass[]>();
    for (const c of classes) byOrder.set(c.order_id, [...(byOrder.get(c.order_id) ?? []), c.class]);
    return rows.map((r) => ({
      outletId: r.outlet_id!,
      orderId: r.id,
      orderType: r.type,
      completedAt: r.completed_at!,
      appointmentEnd: r.appointment_end,
      arrivalDueAt: r.arrival_due_at,
      firstArrivalAt: (r.first_arrival_at as string | null) ?? null,
      arrivalStoppedAt: r.arrival_stopped_at,
      visits: Number(r.visits ?? 0),
      classes: byOrder.get(r.id) ?? [],
    }));
  }

  /** Callbacks with a satisfied/unsatisfied outcome recorded in [from, to), by the order's outlet. */
  async callbacks(from: string, to: string): Promise<CallbackFact[]> {
    const at = sql<string>`coalesce(t.closed_at, t.updated_at)`;
    const rows = await this.db
      .selectFrom('callback_tasks as t')
      .innerJoin('work_orders as wo', 'wo.id', 't.order_id')
      .select(['t.id', 't.order_id', 'wo.outlet_id', 't.outcome', at.as('at')])
      .where('t.outcome', 'in', ['satisfied', 'unsatisfied'])
      .where('wo.outlet_id', 'is not', null)
      .where(at, '>=', from)
      .where(at, '<', to)
      .orderBy('t.id')
      .execute();
    return rows.map((r) => ({
      outletId: r.outlet_id!,
      orderId: r.order_id,
      taskId: r.id,
      outcome: r.outcome as CallbackFact['outcome'],
      at: r.at,
    }));
  }

  /**
   * Grade inputs upheld appeals removed (settlement's `grading_exclusions`, read-only), for the
   * given orders; in chunks to stay under the bound-parameter limits.
   */
  async exclusions(orderIds: readonly string[]): Promise<GradeExclusion[]> {
    const out: GradeExclusion[] = [];
    for (let i = 0; i < orderIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('grading_exclusions')
        .select(['order_id', 'class', 'complaint_id'])
        .where('order_id', 'in', orderIds.slice(i, i + 500))
        .execute();
      for (const r of rows)
        out.push({ orderId: r.order_id, class: r.class, complaintId: r.complaint_id || null });
    }
    return out;
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
  cardOf(db: Db, outletId: string, month: string) {
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
  async saveDraft(
    trx: Db,
    card: Omit<OutletScorecardsTable, 'id' | 'status' | 'version' | 'finalised_at' | 'finalised_by'>,
    items: ItemRow[],
  ): Promise<boolean> {
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

  drafts(trx: Db, month: string) {
    return trx
      .selectFrom('outlet_scorecards')
      .selectAll()
      .where('month', '=', month)
      .where('status', '=', 'draft')
      .orderBy('outlet_id')
      .execute();
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

  listMonth(scope: ActorScope, month: string): Promise<ScorecardRow[]> {
    return this.cards(scope).where('s.month', '=', month).orderBy('o.code').execute();
  }

  history(scope: ActorScope, outletId: string, limit: number): Promise<ScorecardRow[]> {
    return this.cards(scope)
      .where('s.outlet_id', '=', outletId)
      .orderBy('s.month', 'desc')
      .limit(limit)
      .execute();
  }

  card(scope: ActorScope, outletId: string, month: string): Promise<ScorecardRow | undefined> {
    return this.cards(scope)
      .where('s.outlet_id', '=', outletId)
      .where('s.month', '=', month)
      .executeTakeFirst();
  }

  outletInScope(scope: ActorScope, outletId: string) {
    return this.db
      .selectFrom('outlets as o')
      .select(['o.id', 'o.code', 'o.name', 'o.grade'])
      .where('o.id', '=', outletId)
      .where(scopeFilter<any, any>(scope, OUTLET_SCOPE))
      .executeTakeFirst();
  }

  metricItems(scorecardId: string, metric: GradingMetric): Promise<MetricItemRow[]> {
    return this.db
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
