import type { PartAlertKind } from '@anxin/contracts';
import { daysBetween } from './catalog.ts';

export interface AlertLevelFacts {
  locationId: string;
  itemId: string;
  onHand: number;
  available: number;
  reorderPoint: number;
  /** Business date of the last movement (null: never moved). */
  lastMovementOn: string | null;
}

export interface AlertItemFacts {
  itemId: string;
  active: boolean;
  discontinueOn: string | null;
}

export interface AlertFinding {
  kind: PartAlertKind;
  locationId: string | null;
  itemId: string;
  value: number;
}

/**
 * The alerts of one day: low stock (available at or under a set reorder point), ageing stock (on
 * hand with no movement for `ageingDays`), and active items inside the discontinuation warning.
 */
export function findAlerts(
  levels: readonly AlertLevelFacts[],
  items: readonly AlertItemFacts[],
  today: string,
  policy: { ageingDays: number; discontinuationWarningDays: number },
): AlertFinding[] {
  const out: AlertFinding[] = [];
  for (const l of levels) {
    if (l.reorderPoint > 0 && l.available <= l.reorderPoint)
      out.push({ kind: 'low_stock', locationId: l.locationId, itemId: l.itemId, value: l.available });
    if (l.onHand > 0 && l.lastMovementOn) {
      const idle = daysBetween(l.lastMovementOn, today);
      if (idle >= policy.ageingDays)
        out.push({ kind: 'ageing', locationId: l.locationId, itemId: l.itemId, value: idle });
    }
  }
  for (const i of items) {
    if (!i.active || !i.discontinueOn) continue;
    const left = daysBetween(today, i.discontinueOn);
    if (left <= policy.discontinuationWarningDays)
      out.push({ kind: 'discontinuation', locationId: null, itemId: i.itemId, value: left });
  }
  return out;
}
