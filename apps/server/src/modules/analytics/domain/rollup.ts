/**
 * The rollup arithmetic (pure): one business day's orders, with what the owners know of each
 * (classes, clocks, callback verdicts, complaints, parts), summed per key. Every measure counts
 * orders of the day's cohort (orders created that day), so each figure is the count of an order
 * list with the same filters and the day as the creation range — the drill-down.
 */
export const MEASURES = [
  'created',
  'closed',
  'cancelled',
  'open',
  'repairs_closed',
  'first_time_fix',
  'repeat_repairs',
  'fc_met',
  'fc_missed',
  'fc_pending',
  'resp_met',
  'resp_missed',
  'resp_pending',
  'res_met',
  'res_missed',
  'res_pending',
  'callbacks_total',
  'callbacks_satisfied',
  'complaints_opened',
  'complaints_resolved',
  'parts_qty',
  'parts_cost_fen',
] as const;
export type Measure = (typeof MEASURES)[number];
export type Measures = Record<Measure, number>;

/** The SLA clocks the dashboards show, with their measure prefix. */
export const CLOCKS = { first_contact: 'fc', response: 'resp', resolution: 'res' } as const;
export type RolledClock = keyof typeof CLOCKS;

export interface RollupKey {
  outletId: string;
  categoryCode: string;
  districtCode: string;
  channel: string;
}
export interface RollupRow extends RollupKey {
  /** '' in the per-outlet table; the technician in the per-technician one. */
  technicianId: string;
  m: Measures;
}

export interface DayOrder {
  id: string;
  type: string;
  status: string;
  channel: string;
  categoryCode: string | null;
  districtCode: string | null;
  outletId: string | null;
  technicianId: string | null;
}

export interface Clock {
  dueAt: string | null;
  stoppedAt: string | null;
}

export interface DayFacts {
  /** Orders whose classes say the repair was not fixed first time / failed again (callbacks). */
  notFirstFix: Set<string>;
  repeat: Set<string>;
  clocks: Record<RolledClock, Map<string, Clock>>;
  verdicts: Map<string, { satisfied: number; total: number }>;
  complaints: Map<string, { opened: number; resolved: number }>;
  parts: Map<string, { qty: number; costFen: number }>;
}

export const OPEN_EXCLUDED = ['closed', 'cancelled'] as const;

export const zero = (): Measures => Object.fromEntries(MEASURES.map((m) => [m, 0])) as Measures;

/** met / missed / pending of one clock at `now`; null when it has no deadline (not counted). */
export function clockVerdict(c: Clock, now: string): 'met' | 'missed' | 'pending' | null {
  if (c.dueAt === null) return null;
  if (c.stoppedAt !== null) return c.stoppedAt <= c.dueAt ? 'met' : 'missed';
  return now > c.dueAt ? 'missed' : 'pending';
}

/** One order's measures. */
export function orderMeasures(o: DayOrder, f: DayFacts, now: string): Measures {
  const m = zero();
  m.created = 1;
  if (o.status === 'closed') m.closed = 1;
  else if (o.status === 'cancelled') m.cancelled = 1;
  else m.open = 1;
  if (o.type === 'repair' && o.status === 'closed') {
    m.repairs_closed = 1;
    if (!f.notFirstFix.has(o.id)) m.first_time_fix = 1;
    if (f.repeat.has(o.id)) m.repeat_repairs = 1;
  }
  for (const [metric, prefix] of Object.entries(CLOCKS) as [RolledClock, string][]) {
    const c = f.clocks[metric].get(o.id);
    const v = c ? clockVerdict(c, now) : null;
    if (v) m[`${prefix}_${v}` as Measure] = 1;
  }
  const cb = f.verdicts.get(o.id);
  if (cb) {
    m.callbacks_total = cb.total;
    m.callbacks_satisfied = cb.satisfied;
  }
  const cp = f.complaints.get(o.id);
  if (cp) {
    m.complaints_opened = cp.opened;
    m.complaints_resolved = cp.resolved;
  }
  const p = f.parts.get(o.id);
  if (p) {
    m.parts_qty = p.qty;
    m.parts_cost_fen = p.costFen;
  }
  return m;
}

export function addInto(a: Measures, b: Measures): void {
  for (const k of MEASURES) a[k] += b[k];
}

/** The day's rows: per outlet × category × district × channel, or per technician too. */
export function rollupDay(orders: DayOrder[], f: DayFacts, now: string, perTechnician: boolean): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const o of orders) {
    if (perTechnician && !o.technicianId) continue;
    const key: RollupKey & { technicianId: string } = {
      technicianId: perTechnician ? o.technicianId! : '',
      outletId: o.outletId ?? '',
      categoryCode: o.categoryCode ?? '',
      districtCode: o.districtCode ?? '',
      channel: o.channel,
    };
    const k = [key.technicianId, key.outletId, key.categoryCode, key.districtCode, key.channel].join(
      '\u0000',
    );
    let row = rows.get(k);
    if (!row) rows.set(k, (row = { ...key, m: zero() }));
    addInto(row.m, orderMeasures(o, f, now));
  }
  return [...rows.values()];
}
