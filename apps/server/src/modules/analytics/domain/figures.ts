import {
  OPEN_WORK_ORDER_STATUSES_FOR_ANALYTICS,
  type AnalyticsCounts,
  type AnalyticsFigure,
} from './vocab.ts';
import type { Measures } from './rollup.ts';

export interface LinkFilter {
  from: string;
  to: string;
  region?: string | undefined;
  category?: string | undefined;
  outlet?: string | undefined;
  channel?: string | undefined;
}

/** The work-order list (web path) showing the orders behind a figure: the drill-down. */
export function listLink(f: LinkFilter, extra: Record<string, string | string[]> = {}): string {
  const p = new URLSearchParams();
  p.set('createdFrom', f.from);
  p.set('createdTo', f.to);
  if (f.region) p.set('regionCode', f.region);
  if (f.category) p.set('categoryCode', f.category);
  if (f.outlet) p.set('outletId', f.outlet);
  if (f.channel) p.set('channel', f.channel);
  for (const [k, v] of Object.entries(extra)) {
    if (Array.isArray(v)) p.set(k, v.join(','));
    else p.set(k, v);
  }
  return `/work-orders?${p.toString()}`;
}

export function countsOf(m: Measures): AnalyticsCounts {
  return {
    created: m.created,
    closed: m.closed,
    cancelled: m.cancelled,
    open: m.open,
    repairsClosed: m.repairs_closed,
    firstTimeFix: m.first_time_fix,
    repeatRepairs: m.repeat_repairs,
    firstContactMet: m.fc_met,
    firstContactMissed: m.fc_missed,
    firstContactPending: m.fc_pending,
    responseMet: m.resp_met,
    responseMissed: m.resp_missed,
    responsePending: m.resp_pending,
    resolutionMet: m.res_met,
    resolutionMissed: m.res_missed,
    resolutionPending: m.res_pending,
    callbacks: m.callbacks_total,
    callbacksSatisfied: m.callbacks_satisfied,
    complaintsOpened: m.complaints_opened,
    complaintsResolved: m.complaints_resolved,
    partsQty: m.parts_qty,
    partsCostFen: m.parts_cost_fen,
  };
}

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

/** The headline figures of a period, each with the list of its orders. */
export function figuresOf(c: AnalyticsCounts, f: LinkFilter): AnalyticsFigure[] {
  const base = listLink(f);
  const repairs = listLink(f, { type: 'repair', status: 'closed' });
  const fig = (
    key: AnalyticsFigure['key'],
    numerator: number,
    denominator: number | null,
    link: string,
    value: number | null = denominator === null ? numerator : rate(numerator, denominator),
  ): AnalyticsFigure => ({ key, value, numerator, denominator, link });
  return [
    fig('created', c.created, null, base),
    fig('closed', c.closed, null, listLink(f, { status: 'closed' })),
    fig('open', c.open, null, listLink(f, { status: [...OPEN_WORK_ORDER_STATUSES_FOR_ANALYTICS] })),
    fig('cancelled', c.cancelled, null, listLink(f, { status: 'cancelled' })),
    fig('firstContactRate', c.firstContactMet, c.firstContactMet + c.firstContactMissed, base),
    fig('responseRate', c.responseMet, c.responseMet + c.responseMissed, base),
    fig('resolutionRate', c.resolutionMet, c.resolutionMet + c.resolutionMissed, base),
    fig('firstTimeFixRate', c.firstTimeFix, c.repairsClosed, repairs),
    fig('repeatRepairRate', c.repeatRepairs, c.repairsClosed, repairs),
    fig('satisfactionRate', c.callbacksSatisfied, c.callbacks, base),
    fig('complaintRate', c.complaintsOpened, c.created, base),
    fig('complaintResolutionRate', c.complaintsResolved, c.complaintsOpened, base),
    fig('partsQty', c.partsQty, null, base),
    fig('partsCost', c.partsCostFen, null, base, c.partsCostFen / 100),
  ];
}
