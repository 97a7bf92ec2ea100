import { RULE_KINDS, type AlertFigures, type RuleKind } from '@anxin/contracts';

/** One alert as the alerts → orders figures see it. */
export interface AlertFact {
  kind: RuleKind;
  raisedAt: string;
  hasOrder: boolean;
  /** When its order was completed (or closed); null while not done or without an order. */
  doneAt: string | null;
}

/**
 * Alerts → orders (预警转工单): alerts raised in the period, those that opened an order, of those
 * the ones whose order is done, and the median hours from the alert to that completion; by rule kind.
 */
export function alertFigures(alerts: readonly AlertFact[]): AlertFigures {
  const done = alerts.filter((a) => a.hasOrder && a.doneAt);
  return {
    ...counts(alerts),
    medianHoursToComplete: median(
      done.map((a) => (Date.parse(a.doneAt!) - Date.parse(a.raisedAt)) / 3_600_000),
    ),
    byKind: RULE_KINDS.map((kind) => ({ kind, ...counts(alerts.filter((a) => a.kind === kind)) })),
  };
}

function counts(alerts: readonly AlertFact[]) {
  const withOrder = alerts.filter((a) => a.hasOrder);
  return {
    raised: alerts.length,
    withOrder: withOrder.length,
    completed: withOrder.filter((a) => a.doneAt).length,
  };
}

/** The median, one decimal; null for none. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  const v = s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  return Math.round(v * 10) / 10;
}
