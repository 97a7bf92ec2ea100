/**
 * Erlang C (M/M/N queue) for call-centre staffing, as written in the domain standards §3.2.
 * Pure functions; time units only need to agree (seconds here). Erlang C ignores abandonment, so
 * it over-staffs a little; that is the conservative side for a planner.
 */

/** Offered load A = λ·AHT in Erlangs: calls per interval × AHT ÷ the interval's length. */
export function trafficIntensity(calls: number, ahtSeconds: number, intervalSeconds: number): number {
  return (calls * ahtSeconds) / intervalSeconds;
}

/**
 * Erlang B by its recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)): no factorials or powers,
 * so it neither overflows nor loses precision at hundreds of agents.
 */
export function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

/** P_w, the probability that a call waits: C = N·B(N) / (N − A·(1 − B(N))); 1 when N ≤ A. */
export function erlangC(agents: number, traffic: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return 1;
  const b = erlangB(agents, traffic);
  return (agents * b) / (agents - traffic * (1 - b));
}

/** SL(t) = 1 − P_w · e^{−(N−A)·t/AHT}: the share of calls answered within t seconds (0 when N ≤ A). */
export function serviceLevel(agents: number, traffic: number, ahtSeconds: number, t: number): number {
  if (traffic <= 0) return 1;
  if (agents <= traffic) return 0;
  return 1 - erlangC(agents, traffic) * Math.exp((-(agents - traffic) * t) / ahtSeconds);
}

/** ASA = P_w · AHT / (N − A) seconds (Infinity when N ≤ A). */
export function averageSpeedOfAnswer(agents: number, traffic: number, ahtSeconds: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return Infinity;
  return (erlangC(agents, traffic) * ahtSeconds) / (agents - traffic);
}

/** Scheduled staff = ⌈N ÷ (1 − shrinkage)⌉, shrinkage a fraction 0 ≤ s < 1. */
export function scheduledStaff(agents: number, shrinkage: number): number {
  if (agents <= 0) return 0;
  // Rounded to 1e-9 first so 14 ÷ 0.7 stays 20 and does not become 21 through float noise.
  return Math.ceil(Math.round((agents / (1 - shrinkage)) * 1e9) / 1e9);
}

export interface StaffingTarget {
  traffic: number;
  ahtSeconds: number;
  /** Target service level as a fraction (0.8). */
  targetServiceLevel: number;
  thresholdSeconds: number;
  /** Highest occupancy A/N as a fraction (0.85). */
  maxOccupancy: number;
  /** Search bound; past it the target counts as unreachable. */
  maxAgents?: number;
}

export interface Staffing {
  agents: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  waitProbability: number;
}

/**
 * The smallest integer N > A with SL(t) ≥ target and A/N ≤ max occupancy; null when no N up to
 * `maxAgents` (default 10 000) meets both. No traffic needs no agents.
 */
export function agentsNeeded(t: StaffingTarget): Staffing | null {
  if (t.traffic <= 0) return { agents: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, waitProbability: 0 };
  const max = t.maxAgents ?? 10_000;
  const start = Math.max(Math.floor(t.traffic) + 1, Math.ceil(t.traffic / t.maxOccupancy - 1e-9));
  for (let n = start; n <= max; n++) {
    if (t.traffic / n > t.maxOccupancy + 1e-12) continue;
    const sl = serviceLevel(n, t.traffic, t.ahtSeconds, t.thresholdSeconds);
    if (sl + 1e-12 >= t.targetServiceLevel)
      return {
        agents: n,
        serviceLevel: sl,
        asaSeconds: averageSpeedOfAnswer(n, t.traffic, t.ahtSeconds),
        occupancy: t.traffic / n,
        waitProbability: erlangC(n, t.traffic),
      };
  }
  return null;
}
