import type { Kpi, KpiTargets } from '@anxin/contracts';

/** The counts each KPI is computed from (gathered by the KPI service from the owning modules). */
export interface KpiFacts {
  coverage: { covered: number; total: number };
  selfBuilt: { selfBuilt: number; active: number };
  /** Service orders created in the period (complaint-type orders excluded). */
  orders: number;
  /** Complaints opened in the period, and how many of those are resolved. */
  complaints: { opened: number; resolved: number };
  /** Callback verdicts closed in the period. */
  callbacks: { satisfied: number; verdicts: number };
  /** Response clocks started in the period: start and stop instants (stop null while running). */
  responseClocks: readonly { startedAt: string; stoppedAt: string | null }[];
}

const HOUR_MS = 3_600_000;

/**
 * Response within the window (24 h by default), measured from when the clock started to when it
 * stopped. A running clock counts as missed once the window has passed and is left out while it
 * still can make it.
 */
export function responseOnTime(
  clocks: KpiFacts['responseClocks'],
  windowHours: number,
  now: Date,
): { met: number; decided: number } {
  let met = 0;
  let decided = 0;
  for (const c of clocks) {
    const limit = Date.parse(c.startedAt) + windowHours * HOUR_MS;
    if (c.stoppedAt !== null) {
      decided++;
      if (Date.parse(c.stoppedAt) <= limit) met++;
    } else if (now.getTime() >= limit) decided++;
  }
  return { met, decided };
}

const kpi = (
  key: Kpi['key'],
  numerator: number,
  denominator: number,
  target: number,
  direction: Kpi['direction'],
): Kpi => {
  const value = denominator === 0 ? null : numerator / denominator;
  return {
    key,
    value,
    target,
    direction,
    met: value === null ? null : direction === 'min' ? value >= target : value <= target,
    numerator,
    denominator,
  };
};

/** Each KPI with its value (ratio 0–1), target, whether it is met and its numerator/denominator. */
export function computeKpis(f: KpiFacts, t: KpiTargets, now: Date): Kpi[] {
  const response = responseOnTime(f.responseClocks, t.responseWindowHours, now);
  return [
    kpi('regionCoverage', f.coverage.covered, f.coverage.total, t.regionCoverage, 'min'),
    kpi('selfBuiltShare', f.selfBuilt.selfBuilt, f.selfBuilt.active, t.selfBuiltShare, 'min'),
    kpi('complaintRate', f.complaints.opened, f.orders, t.complaintRateMax, 'max'),
    kpi('complaintResolution', f.complaints.resolved, f.complaints.opened, t.complaintResolutionMin, 'min'),
    kpi('satisfaction', f.callbacks.satisfied, f.callbacks.verdicts, t.satisfactionMin, 'min'),
    kpi('responseOnTime', response.met, response.decided, t.responseOnTimeMin, 'min'),
  ];
}
