/** A share rounded to 4 places, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export interface ReferralFact {
  referrerId: string;
  converted: boolean;
  /** The business month (YYYY-MM) the referral was recorded in. */
  period: string;
}

/** Referral counts in total, per month and per referrer (most referrals first, `top` of them). */
export function referralFigures(facts: readonly ReferralFact[], top: number) {
  const converted = facts.filter((f) => f.converted).length;
  const periods = new Map<string, { count: number; converted: number }>();
  const referrers = new Map<string, { referred: number; converted: number }>();
  for (const f of facts) {
    const p = periods.get(f.period) ?? { count: 0, converted: 0 };
    p.count++;
    if (f.converted) p.converted++;
    periods.set(f.period, p);
    const r = referrers.get(f.referrerId) ?? { referred: 0, converted: 0 };
    r.referred++;
    if (f.converted) r.converted++;
    referrers.set(f.referrerId, r);
  }
  return {
    referrals: { count: facts.length, converted, conversionRate: rate(converted, facts.length) },
    byPeriod: [...periods]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, p]) => ({ period, ...p, conversionRate: rate(p.converted, p.count) })),
    byReferrer: [...referrers]
      .sort(
        ([ia, a], [ib, b]) => b.referred - a.referred || b.converted - a.converted || ia.localeCompare(ib),
      )
      .slice(0, top)
      .map(([referrerId, r]) => ({ referrerId, ...r, conversionRate: rate(r.converted, r.referred) })),
  };
}
