import type { RecallCriteria } from '@anxin/contracts';
import { inRange } from './serial-range.ts';

/** What the recall looks at on a product. */
export interface RecallSubject {
  modelId: string;
  serial: string;
  productionBatch: string | null;
}

export const isEmptyCriteria = (c: RecallCriteria) =>
  !c.modelIds.length && !c.serialRanges.length && !c.batches.length;

/**
 * A product is affected when it is of one of the recall's models (any model when none is named)
 * and, when ranges or batches are named, its serial is in one of the ranges or its batch is one
 * of the batches. Empty criteria affect nothing (a recall of everything is a mistake).
 */
export function isAffected(c: RecallCriteria, p: RecallSubject): boolean {
  if (isEmptyCriteria(c)) return false;
  if (c.modelIds.length && !c.modelIds.includes(p.modelId)) return false;
  if (!c.serialRanges.length && !c.batches.length) return true;
  const batch = p.productionBatch?.trim().toUpperCase() ?? null;
  return c.serialRanges.some((r) => inRange(r, p.serial)) || (!!batch && c.batches.includes(batch));
}
