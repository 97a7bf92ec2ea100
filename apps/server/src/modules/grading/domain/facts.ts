import { GRADING_METRICS, isFirstTimeFix, type GradingMetric, type OrderClass } from '@anxin/contracts';
import type { MonthFigures } from './score.ts';

/**
 * The facts one month's scorecards are computed from, as the repository reads them (each row names
 * its order), and the pure rules that turn them into figures and drill-down rows per outlet.
 *
 * Definitions (month = calendar month in Asia/Shanghai):
 * - response: orders offered to the outlet in the month whose offer it accepted or let expire
 *   (rejections carry a reason code and are judged elsewhere; pending and withdrawn offers are
 *   left out). On time when an accepted offer's response came at or before the order's `response`
 *   SLA due time (the offer's own due time when the order has no response clock). Several offers
 *   of one order to the same outlet count once.
 * - arrival, first_fix, repeat_repair: orders the outlet completed in the month (`completed_at`).
 *   arrival: the first recorded arrival (field visit, else the stop of the `arrival` SLA clock)
 *   at or before the appointment window's end, else the arrival clock's due time; orders with no
 *   arrival or no deadline are left out. first_fix and repeat_repair: repair orders only, judged
 *   by the one definition `isFirstTimeFix` (contracts) over the order's classes, so the orders the
 *   scorecard counts as fixed first time are exactly those settlement never deducts for 一次/多次
 *   维修不到位 (classification counts redos, extra visits and same-fault repairs). Later
 *   same-fault repairs can appear until the repeat window has passed, so a month recomputed later
 *   can lose first-time fixes.
 * - satisfaction: callbacks of the outlet's orders with a satisfied or unsatisfied outcome recorded
 *   in the month (unreachable ones have no outcome on the service).
 * - complaint_rate: complaints opened in the month that are the outlet's (responsibility outlet or
 *   technician, the responsible outlet or else the complaint's outlet; not yet investigated ones
 *   count against the complaint's outlet; product, logistics, customer and policy causes do not)
 *   ÷ the month's orders.
 * - attitude: orders completed in the month classed 服务态度不满意 plus the outlet's complaints
 *   whose cause is attitude, one per order, ÷ the month's orders.
 * - orders (volume, for the low-volume rule and the rates): distinct orders offered (as above) or
 *   completed in the month.
 */
export interface OfferFact {
  outletId: string;
  orderId: string;
  offerId: string;
  status: 'accepted' | 'expired';
  respondedAt: string | null;
  offerDueAt: string;
  /** The order's `response` SLA clock due time, if it has one. */
  responseDueAt: string | null;
}

export interface CompletionFact {
  outletId: string;
  orderId: string;
  /** Only repair orders are judged on first-time fix and repeat repairs (absent: a repair). */
  orderType?: string;
  completedAt: string;
  appointmentEnd: string | null;
  arrivalDueAt: string | null;
  firstArrivalAt: string | null;
  arrivalStoppedAt: string | null;
  /** Field visits that reached an arrival. */
  visits: number;
  classes: OrderClass[];
}

export interface CallbackFact {
  outletId: string;
  orderId: string;
  taskId: string;
  outcome: 'satisfied' | 'unsatisfied';
  at: string;
}

/** What `complaintFacts` of the complaints module returns per complaint. */
export interface ComplaintFact {
  id: string;
  orderId: string | null;
  outletId: string | null;
  responsibility: string | null;
  responsibleOutletId: string | null;
  causeIsAttitude: boolean;
  openedAt: string;
  resolvedAt: string | null;
  status: string;
}

export interface MonthFacts {
  offers: OfferFact[];
  completions: CompletionFact[];
  callbacks: CallbackFact[];
  complaints: ComplaintFact[];
}

export interface ItemRow {
  metric: GradingMetric;
  orderId: string | null;
  refId: string | null;
  hit: boolean;
  reason: string;
  at: string | null;
  dueAt: string | null;
}

export interface OutletMonth {
  figures: MonthFigures;
  orderCount: number;
  items: ItemRow[];
}

const NOT_THE_OUTLETS = new Set(['product_quality', 'logistics', 'customer', 'policy']);

/** The outlet a complaint counts against, and why; null when it is not an outlet's. */
export function complaintOutlet(c: ComplaintFact): { outletId: string; reason: string } | null {
  if (c.responsibility === null)
    return c.outletId ? { outletId: c.outletId, reason: 'complaint_pending' } : null;
  if (NOT_THE_OUTLETS.has(c.responsibility)) return null;
  const outletId = c.responsibleOutletId ?? c.outletId;
  return outletId ? { outletId, reason: `complaint_${c.responsibility}` } : null;
}

const emptyFigures = (): MonthFigures =>
  Object.fromEntries(GRADING_METRICS.map((m) => [m, { numerator: 0, denominator: 0 }])) as MonthFigures;

/** Groups a month's facts by outlet into figures and the rows behind them. */
export function outletMonths(facts: MonthFacts): Map<string, OutletMonth> {
  const out = new Map<string, OutletMonth>();
  const orders = new Map<string, Set<string>>();
  const of = (outletId: string) => {
    let o = out.get(outletId);
    if (!o) {
      o = { figures: emptyFigures(), orderCount: 0, items: [] };
      out.set(outletId, o);
      orders.set(outletId, new Set());
    }
    return o;
  };
  const add = (outletId: string, row: ItemRow, countsInDenominator = true) => {
    const o = of(outletId);
    o.items.push(row);
    const f = o.figures[row.metric];
    if (countsInDenominator) f.denominator++;
    if (row.hit) f.numerator++;
  };

  // Response: one row per (outlet, order).
  const byPair = new Map<string, OfferFact[]>();
  for (const f of facts.offers) {
    const k = `${f.outletId}\u0000${f.orderId}`;
    byPair.set(k, [...(byPair.get(k) ?? []), f]);
  }
  for (const group of byPair.values()) {
    const first = group[0]!;
    of(first.outletId);
    orders.get(first.outletId)!.add(first.orderId);
    const accepted = group.filter((g) => g.status === 'accepted' && g.respondedAt);
    const judged = accepted.map((g) => {
      const due = g.responseDueAt ?? g.offerDueAt;
      return { g, due, onTime: g.respondedAt! <= due };
    });
    const best = judged.find((j) => j.onTime) ?? judged[0];
    add(first.outletId, {
      metric: 'response',
      orderId: first.orderId,
      refId: best?.g.offerId ?? first.offerId,
      hit: !!best?.onTime,
      reason: best ? (best.onTime ? 'on_time' : 'late') : 'expired',
      at: best?.g.respondedAt ?? null,
      dueAt: best?.due ?? first.responseDueAt ?? first.offerDueAt,
    });
  }

  for (const c of facts.completions) {
    of(c.outletId);
    orders.get(c.outletId)!.add(c.orderId);
    const arrivedAt = c.firstArrivalAt ?? c.arrivalStoppedAt;
    const deadline = c.appointmentEnd ?? c.arrivalDueAt;
    if (arrivedAt && deadline) {
      const onTime = arrivedAt <= deadline;
      add(c.outletId, {
        metric: 'arrival',
        orderId: c.orderId,
        refId: null,
        hit: onTime,
        reason: `${onTime ? 'on_time' : 'late'}_${c.appointmentEnd ? 'appointment' : 'sla'}`,
        at: arrivedAt,
        dueAt: deadline,
      });
    }
    // Installation and maintenance are never 维修不到位, so they say nothing about fixing first time.
    if (c.orderType !== undefined && c.orderType !== 'repair') continue;
    const failed = c.classes.includes('first_fix_failed');
    const repeated = c.classes.includes('repeat_failed');
    // The one definition (contracts): classification already counts redos and extra visits.
    const fixedFirst = isFirstTimeFix(c.classes);
    add(c.outletId, {
      metric: 'first_fix',
      orderId: c.orderId,
      refId: null,
      hit: fixedFirst,
      reason: fixedFirst ? 'fixed_first_time' : repeated ? 'repeat_failed' : 'first_fix_failed',
      at: c.completedAt,
      dueAt: null,
    });
    add(c.outletId, {
      metric: 'repeat_repair',
      orderId: c.orderId,
      refId: null,
      hit: failed || repeated,
      reason: repeated ? 'repeat_failed' : failed ? 'first_fix_failed' : 'no_repeat',
      at: c.completedAt,
      dueAt: null,
    });
  }

  for (const cb of facts.callbacks)
    add(cb.outletId, {
      metric: 'satisfaction',
      orderId: cb.orderId,
      refId: cb.taskId,
      hit: cb.outcome === 'satisfied',
      reason: cb.outcome,
      at: cb.at,
      dueAt: null,
    });

  // Rates over the month's orders: the rows are the numerator; the denominator is the volume.
  const attitudeOrders = new Map<string, Set<string>>();
  const attitude = (outletId: string, row: Omit<ItemRow, 'metric' | 'hit' | 'dueAt'>) => {
    const seen = attitudeOrders.get(outletId) ?? new Set<string>();
    attitudeOrders.set(outletId, seen);
    if (row.orderId && seen.has(row.orderId)) return;
    if (row.orderId) seen.add(row.orderId);
    add(outletId, { ...row, metric: 'attitude', hit: true, dueAt: null }, false);
  };
  for (const c of facts.completions)
    if (c.classes.includes('attitude'))
      attitude(c.outletId, { orderId: c.orderId, refId: null, reason: 'attitude_score', at: c.completedAt });
  for (const c of facts.complaints) {
    const owner = complaintOutlet(c);
    if (!owner) continue;
    add(
      owner.outletId,
      {
        metric: 'complaint_rate',
        orderId: c.orderId,
        refId: c.id,
        hit: true,
        reason: owner.reason,
        at: c.openedAt,
        dueAt: null,
      },
      false,
    );
    if (c.causeIsAttitude)
      attitude(owner.outletId, {
        orderId: c.orderId,
        refId: c.id,
        reason: 'attitude_complaint',
        at: c.openedAt,
      });
  }

  for (const [outletId, o] of out) {
    o.orderCount = orders.get(outletId)!.size;
    o.figures.complaint_rate.denominator = o.orderCount;
    o.figures.attitude.denominator = o.orderCount;
  }
  return out;
}

/** A grade input an upheld appeal removed (settlement's `grading_exclusions`). */
export interface GradeExclusion {
  orderId: string;
  /** An order class (first_fix_failed, attitude, callback_unsatisfied, …) or 'complaint'. */
  class: string;
  complaintId: string | null;
}

/**
 * Takes out what upheld appeals removed: an order's excluded classes, its unsatisfied callbacks
 * when `callback_unsatisfied` is excluded, and excluded complaints. The rows stay out of both the
 * numerator and the denominator, as if the input had never been recorded.
 */
export function applyExclusions(facts: MonthFacts, exclusions: readonly GradeExclusion[]): MonthFacts {
  if (!exclusions.length) return facts;
  const classes = new Set(exclusions.map((e) => `${e.orderId}|${e.class}`));
  const complaints = new Set(exclusions.filter((e) => e.class === 'complaint').map((e) => e.complaintId));
  return {
    offers: facts.offers,
    completions: facts.completions.map((c) => ({
      ...c,
      classes: c.classes.filter((k) => !classes.has(`${c.orderId}|${k}`)),
    })),
    callbacks: facts.callbacks.filter(
      (cb) => !(cb.outcome === 'unsatisfied' && classes.has(`${cb.orderId}|callback_unsatisfied`)),
    ),
    complaints: facts.complaints.filter((c) => !complaints.has(c.id)),
  };
}
