import type { ClockVerdict, Kpi, KpiTargets } from '@anxin/contracts';
import { DEFAULT_KPI_TARGETS } from './defaults.ts';

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
  /** First-contact and resolution clocks started in the period, with the SLA engine's due time. */
  firstContactClocks?: readonly SlaClockFact[];
  resolutionClocks?: readonly SlaClockFact[];
  /** Every SLA clock started in the period: how many there are and how many cannot be computed. */
  clocks?: { started: number; unknown: number };
}

/** One SLA clock as the KPIs read it; `dueAt` null: no calendar data (the clock fails closed). */
export interface SlaClockFact {
  startedAt: string;
  dueAt: string | null;
  stoppedAt: string | null;
}

/**
 * How a clock counts against its own SLA deadline (the policy's 5 business minutes, 3 working
 * days… computed by the SLA engine on the calendar): met when it stopped by the deadline, missed
 * when it stopped later or is still running past it, pending while it still can make it, unknown
 * when the deadline could not be computed. Pending and unknown are left out of the rate.
 */
export function clockVerdict(c: SlaClockFact, now: Date): ClockVerdict {
  if (c.dueAt === null) return 'unknown';
  if (c.stoppedAt !== null) return c.stoppedAt <= c.dueAt ? 'met' : 'missed';
  return now.toISOString() > c.dueAt ? 'missed' : 'pending';
}

export function clockCompliance(
  clocks: readonly SlaClockFact[],
  now: Date,
): { met: number; decided: number; unknown: number } {
  let met = 0;
  let decided = 0;
  let unknown = 0;
  for (const c of clocks) {
    const v = clockVerdict(c, now);
    if (v === 'met') met++;
    if (v === 'met' || v === 'missed') decided++;
    if (v === 'unknown') unknown++;
  }
  return { met, decided, unknown };
}

/** The 24 h response verdict of one clock (window from the targets, not the SLA policy). */
export function responseVerdict(
  c: { startedAt: string; stoppedAt: string | null },
  windowHours: number,
  now: Date,
): ClockVerdict {
  const limit = Date.parse(c.startedAt) + windowHours * HOUR_MS;
  if (c.stoppedAt !== null) return Date.parse(c.stoppedAt) <= limit ? 'met' : 'missed';
  return now.getTime() >= limit ? 'missed' : 'pending';
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
  const firstContact = clockCompliance(f.firstContactClocks ?? [], now);
  const resolution = clockCompliance(f.resolutionClocks ?? [], now);
  const clocks = f.clocks ?? { started: 0, unknown: 0 };
  return [
    kpi('regionCoverage', f.coverage.covered, f.coverage.total, t.regionCoverage, 'min'),
    kpi('selfBuiltShare', f.selfBuilt.selfBuilt, f.selfBuilt.active, t.selfBuiltShare, 'min'),
    kpi('complaintRate', f.complaints.opened, f.orders, t.complaintRateMax, 'max'),
    kpi('complaintResolution', f.complaints.resolved, f.complaints.opened, t.complaintResolutionMin, 'min'),
    kpi('satisfaction', f.callbacks.satisfied, f.callbacks.verdicts, t.satisfactionMin, 'min'),
    kpi('responseOnTime', response.met, response.decided, t.responseOnTimeMin, 'min'),
    kpi(
      'firstContactOnTime',
      firstContact.met,
      firstContact.decided,
      t.firstContactOnTimeMin ?? DEFAULT_KPI_TARGETS.firstContactOnTimeMin!,
      'min',
    ),
    kpi(
      'resolutionOnTime',
      resolution.met,
      resolution.decided,
      t.resolutionOnTimeMin ?? DEFAULT_KPI_TARGETS.resolutionOnTimeMin!,
      'min',
    ),
    // Every clock must be computable: any unknown one misses this target.
    kpi('slaUnknown', clocks.unknown, clocks.started, 0, 'max'),
  ];
}
