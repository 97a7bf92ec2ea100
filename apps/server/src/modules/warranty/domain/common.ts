import type { Remedy } from '@anxin/contracts';
import type { RuleResult, ProductFacts, Reasons, RepairRecord, ServiceHistory } from './types.ts';
import { allow, deny } from './verdict.ts';

/**
 * The day the warranty runs from: the exchange date when the product was exchanged (the period
 * restarts), else the invoice date, else the delivery/installation date (第8条 释义: the obligation
 * stands when the consumer can prove coverage otherwise; the later date only favours the consumer).
 */
export function startOf(
  product: ProductFacts,
  history: ServiceHistory,
  reasons: Reasons,
  article: string,
): string | null {
  const base = product.invoiceDate ?? product.deliveryDate;
  if (history.exchangedOn && (!base || history.exchangedOn >= base)) {
    reasons.push({ rule: 'start.exchange', article, params: { date: history.exchangedOn } });
    return history.exchangedOn;
  }
  if (product.invoiceDate) {
    reasons.push({ rule: 'start.invoice', article, params: { date: product.invoiceDate } });
    return product.invoiceDate;
  }
  if (product.deliveryDate) {
    reasons.push({ rule: 'start.install_fallback', article, params: { date: product.deliveryDate } });
    return product.deliveryDate;
  }
  reasons.push({ rule: 'start.missing', article, params: {} });
  return null;
}

/** Repairs that count for the current period: opened on or after its start, not after the request date. */
export function countedRepairs(history: ServiceHistory, start: string, asOf: string): RepairRecord[] {
  return history.repairs.filter((r) => r.createdOn >= start && r.createdOn <= asOf);
}

export function unknownStart(remedies: Remedy[], reasons: Reasons, article: string): RuleResult {
  return {
    coverage: {
      status: 'unknown',
      startsOn: null,
      unitUntil: null,
      mainPartsUntil: null,
      repairDays: 0,
      partsWaitDays: 0,
      reasons,
    },
    // Without a start date nothing free can be promised; a paid repair is always possible.
    remedies: remedies.map((r) =>
      r === 'paid_repair'
        ? allow(r, 'warranty.start_unknown', article, null)
        : deny(r, 'warranty.start_unknown', article, {}),
    ),
    depreciation: null,
  };
}
