export interface StocktakeLineFacts {
  bookQty: number;
  countedQty: number | null;
  unitCostFen: number;
}

/** counted − book; an uncounted line has no variance (it is left as booked). */
export const varianceQty = (l: StocktakeLineFacts): number | null =>
  l.countedQty === null ? null : l.countedQty - l.bookQty;

/**
 * Variance value at cost and whether it needs a second person's approval: when |variance value|
 * exceeds `pct` % of the book value. A location with no book value needs approval for any variance.
 */
export function stocktakeVariance(
  lines: readonly StocktakeLineFacts[],
  pct: number,
): { varianceFen: number; bookFen: number; needsApproval: boolean } {
  let varianceFen = 0;
  let bookFen = 0;
  for (const l of lines) {
    bookFen += l.bookQty * l.unitCostFen;
    varianceFen += (varianceQty(l) ?? 0) * l.unitCostFen;
  }
  const needsApproval = Math.abs(varianceFen) * 100 > pct * bookFen;
  return { varianceFen, bookFen, needsApproval: varianceFen !== 0 && needsApproval };
}
