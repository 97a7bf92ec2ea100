import type { AlertSeverity } from '@anxin/contracts';
import type { Firing } from './rules.ts';

/** The firings of one batch for one dedupe key, folded: one alert write per problem per batch. */
export interface FoldedFiring {
  dedupeKey: string;
  ruleId: string;
  severity: AlertSeverity;
  faultCode: string | null;
  count: number;
  firstAt: string;
  lastAt: string;
  lastValue: number | null;
}

export function foldFirings(firings: Firing[]): FoldedFiring[] {
  const out = new Map<string, FoldedFiring>();
  for (const f of firings) {
    const cur = out.get(f.dedupeKey);
    if (!cur) {
      out.set(f.dedupeKey, {
        dedupeKey: f.dedupeKey,
        ruleId: f.ruleId,
        severity: f.severity,
        faultCode: f.faultCode,
        count: 1,
        firstAt: f.at,
        lastAt: f.at,
        lastValue: f.value,
      });
      continue;
    }
    cur.count++;
    if (f.at < cur.firstAt) cur.firstAt = f.at;
    if (f.at >= cur.lastAt) {
      cur.lastAt = f.at;
      cur.lastValue = f.value;
    }
  }
  // A fixed order (by key) so parallel batches take the index entries in the same order.
  return [...out.values()].sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey));
}
