/**
 * When an installed product is next due for a plan's maintenance (pure; business dates
 * `YYYY-MM-DD`, Asia/Shanghai).
 *
 * Due dates are anchored on the product's install date (else its purchase date): anchor + k × N
 * months, k ≥ 1, each clamped to the month's last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a
 * leap year) and always counted from the anchor, so a clamp never drifts the later dates
 * (Jan 31 → Feb 28 → Mar 31). The next due date is the first one after the last run's due date,
 * and never before the plan's first day (a new plan does not generate years of overdue visits).
 */

export type DueBasis = 'install' | 'purchase' | 'last_run' | 'running_hours';

export interface DueInput {
  installDate: string | null;
  purchaseDate: string | null;
  intervalMonths: number;
  /** The due date of the plan's last run for this product (null: never run). */
  lastDueOn: string | null;
  /** The plan's first day: earlier due dates are not generated. */
  startsOn: string;
}

export interface Due {
  dueOn: string;
  basis: DueBasis;
}

/** `YYYY-MM-DD` + n months, clamped to the last day of the target month. */
export function addMonthsClamped(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, last))).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` ± n days. */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole months from `a` to `b` (calendar months, ignoring the day). */
const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/** The next due date, or null when the product has neither an install nor a purchase date. */
export function nextDue(input: DueInput): Due | null {
  const anchor = input.installDate ?? input.purchaseDate;
  if (!anchor || input.intervalMonths < 1) return null;
  const n = input.intervalMonths;
  // Strictly after the last run's due date; on or after the plan's first day.
  const after =
    input.lastDueOn && input.lastDueOn >= input.startsOn ? input.lastDueOn : addDays(input.startsOn, -1);
  // Jump close to `after` without walking month by month, then step (at most a couple of steps).
  let k = Math.max(1, Math.floor(monthsBetween(anchor, after) / n) - 1);
  let due = addMonthsClamped(anchor, k * n);
  while (due <= after) {
    k++;
    due = addMonthsClamped(anchor, k * n);
  }
  const basis: DueBasis = input.lastDueOn ? 'last_run' : input.installDate ? 'install' : 'purchase';
  return { dueOn: due, basis };
}

/** The day an order for `dueOn` is generated: `leadDays` before it. */
export const generateOn = (dueOn: string, leadDays: number): string => addDays(dueOn, -leadDays);

/** Whether a product due on `dueOn` is generated on `today` (due within the lead days, or overdue). */
export const isDueForGeneration = (dueOn: string, today: string, leadDays: number): boolean =>
  generateOn(dueOn, leadDays) <= today;

/** Products of one customer at one address form one site (one order per site and run). */
export const siteKey = (customerId: string, addressId: string | null): string =>
  `${customerId}|${addressId ?? ''}`;

export interface HoursDueInput {
  /** The product's hour meter now (telemetry); null: it reports none. */
  hours: number | null;
  intervalHours: number;
  /** The hour mark of the plan's last visit to the product (null: never visited). */
  lastMark: number | null;
  /** Hours before the mark the visit is generated. */
  leadHours: number;
}

/**
 * The hour mark a running-hours plan is due for, or null when not yet within the lead hours.
 * Marks count from the last visit's mark (a visit resets the count, whatever triggered it), else
 * from zero. A meter found well past several marks (a device that reports late) gets ONE visit,
 * for the highest mark reached, not one per missed mark.
 */
export function nextHoursDue(i: HoursDueInput): { mark: number } | null {
  if (i.hours === null || i.intervalHours < 1) return null;
  const last = i.lastMark ?? 0;
  const steps = Math.floor((i.hours + i.leadHours - last) / i.intervalHours);
  return steps >= 1 ? { mark: last + steps * i.intervalHours } : null;
}
