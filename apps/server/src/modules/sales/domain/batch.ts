/** What the batch and factory dates need of the platform calendar (a port, so tests pass any). */
export interface WorkingDays {
  isWorkday(date: string): boolean;
  /** n >= 1: the n-th working day after the date; n = 0: the date if working, else the next one. */
  addWorkingDays(date: string, n: number): string;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Beijing date and minutes after midnight of an instant (UTC+8, no daylight saving since 1991). */
export function beijingDateTime(instant: Date): { date: string; minutes: number } {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    date: local.toISOString().slice(0, 10),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The daily batch a contract entered at `instant` belongs to: the same day when that is a working
 * day and the entry is before the cut-off, otherwise the next working day (after the cut-off, on a
 * weekend or holiday, or on a 调休 rest day).
 */
export function batchDateOf(instant: Date, cutoffTime: string, cal: WorkingDays): string {
  const { date, minutes } = beijingDateTime(instant);
  if (cal.isWorkday(date) && minutes < minutesOf(cutoffTime)) return date;
  return cal.addWorkingDays(date, 1);
}

/**
 * Items the warehouse lacks go on the factory order of the working day `afterDays` after the batch
 * day (seed 001: the next day) and arrive `leadDays` working days after that order.
 */
export function factoryDates(
  batchDate: string,
  policy: { factoryOrderAfterWorkingDays: number; factoryLeadWorkingDays: number },
  cal: WorkingDays,
): { orderDate: string; expectedDate: string } {
  const orderDate = cal.addWorkingDays(batchDate, policy.factoryOrderAfterWorkingDays);
  return { orderDate, expectedDate: cal.addWorkingDays(orderDate, policy.factoryLeadWorkingDays) };
}

/**
 * The day a contract's goods are all available: the latest of each line's day (the stock-check day
 * for a reserved line, the expected arrival for a factory line); null while a line has neither.
 */
export function availableDateOf(
  lines: readonly { state: string; reservedOn: string | null; expectedDate: string | null }[],
): string | null {
  let latest = '';
  for (const l of lines) {
    const day = l.state === 'reserved' ? l.reservedOn : l.state === 'factory_order' ? l.expectedDate : null;
    if (!day) return null;
    if (day > latest) latest = day;
  }
  return latest || null;
}
