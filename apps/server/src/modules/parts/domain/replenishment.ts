/** What the replenishment suggestion needs to know about one stock level. */
export interface ReplenishmentFacts {
  available: number;
  reorderPoint: number;
  reorderQty: number;
  /** Units drawn from this level over the window (consumed, issued on requests, transferred out). */
  consumed: number;
}

export interface ReplenishmentPolicy {
  consumptionWindowDays: number;
  coverDays: number;
}

/**
 * A level is due when it has a reorder point and available stock has fallen to it. The suggestion
 * refills to the reorder point plus `coverDays` of average use, never less than the reorder quantity
 * (the supplier's lot). Returns null when the level is not due.
 */
export function suggestReplenishment(
  f: ReplenishmentFacts,
  p: ReplenishmentPolicy,
): { dailyUse: number; suggestedQty: number } | null {
  if (f.reorderPoint <= 0 || f.available > f.reorderPoint) return null;
  const dailyUse = Math.max(0, f.consumed) / p.consumptionWindowDays;
  // Rounded to 4 places first so a float such as 2.0000000001 does not order one unit more.
  const cover = Math.ceil(Math.round(dailyUse * p.coverDays * 10_000) / 10_000);
  const suggestedQty = Math.max(f.reorderQty, cover + f.reorderPoint - f.available);
  return { dailyUse: Math.round(dailyUse * 1000) / 1000, suggestedQty };
}
