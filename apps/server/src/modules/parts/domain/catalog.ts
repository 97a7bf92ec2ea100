/** Days between two business dates `YYYY-MM-DD` (b − a), whole days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Last-time-buy (最后采购) warning: from `warningDays` before the discontinuation date on (and
 * after it). Items without a date never warn.
 */
export function isLastTimeBuy(discontinueOn: string | null, today: string, warningDays: number): boolean {
  if (!discontinueOn) return false;
  return daysBetween(today, discontinueOn) <= warningDays;
}
