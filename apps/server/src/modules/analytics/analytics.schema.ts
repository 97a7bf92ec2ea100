import type { Measure } from './domain/rollup.ts';

type MeasureColumns = Record<Measure, number>;

/** One business day's cohort of orders per outlet × category × district × channel ('' = none). */
export interface AnalyticsDailyTable extends MeasureColumns {
  day: string;
  outlet_id: string;
  category_code: string;
  district_code: string;
  channel: string;
  computed_at: string;
}
/** The same per technician (orders with one), for the technician ranking. */
export interface AnalyticsDailyTechniciansTable extends AnalyticsDailyTable {
  technician_id: string;
}
/** An order ('o:<id>') or complaint ('c:<id>') with events since the last refresh. */
export interface AnalyticsDirtyTable {
  ref: string;
  marked_at: string;
}

export interface AnalyticsTables {
  analytics_daily: AnalyticsDailyTable;
  analytics_daily_technicians: AnalyticsDailyTechniciansTable;
  analytics_dirty: AnalyticsDirtyTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'analytics_daily',
  'analytics_daily_technicians',
  'analytics_dirty',
] as const satisfies readonly (keyof AnalyticsTables)[];
