import type { DeliveryFigureRow, DeliveryPolicy } from '@anxin/contracts';

/** What the figures need of one delivery (a booking promised in the month). */
export interface DeliveryFacts {
  storeKey: string;
  storeName: string;
  crewKey: string;
  crewName: string;
  promisedDate: string;
  /** The business date it was signed for; null while not delivered (or handed to RMA). */
  deliveredOn: string | null;
  goodsIntact: boolean | null;
  problemOpenedAt: string | null;
  problemSolvedAt: string | null;
  satisfaction: number | null;
}

const HOUR_MS = 3_600_000;
const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/**
 * The seed's delivery KPIs over a set of deliveries: on time (signed on or before the first date
 * agreed with the customer, of those due: `deliveries`), goods intact (of those delivered), delivery problems
 * solved within the policy's hours (of the problems reported), and satisfied installation callbacks
 * (score at or above the policy's mark). A problem still open past its hours counts as late.
 */
export function figuresOf(
  key: string,
  name: string,
  rows: readonly DeliveryFacts[],
  policy: Pick<DeliveryPolicy, 'problemResolutionHours' | 'satisfiedFrom'>,
  at: { now: Date; today: string },
): DeliveryFigureRow {
  const { now, today } = at;
  const limit = policy.problemResolutionHours * HOUR_MS;
  const delivered = rows.filter((r) => r.deliveredOn !== null);
  // Due: delivered, or its promised day is over without a signature (late whatever happens next).
  const due = rows.filter((r) => r.deliveredOn !== null || r.promisedDate < today);
  const onTime = delivered.filter((r) => r.deliveredOn! <= r.promisedDate).length;
  const intact = delivered.filter((r) => r.goodsIntact === true).length;
  const problems = rows.filter((r) => r.problemOpenedAt !== null);
  const solved = problems.filter((r) => {
    const opened = Date.parse(r.problemOpenedAt!);
    const end = r.problemSolvedAt ? Date.parse(r.problemSolvedAt) : null;
    return end !== null && end - opened <= limit;
  }).length;
  // Open problems still inside their hours are not yet counted either way.
  const decided = problems.filter(
    (r) => r.problemSolvedAt !== null || now.getTime() - Date.parse(r.problemOpenedAt!) > limit,
  ).length;
  const called = rows.filter((r) => r.satisfaction !== null);
  const satisfied = called.filter((r) => r.satisfaction! >= policy.satisfiedFrom).length;
  return {
    key,
    name,
    deliveries: due.length,
    onTime,
    intact,
    problems: problems.length,
    problemsSolved: solved,
    callbacks: called.length,
    satisfied,
    onTimePercent: pct(onTime, due.length),
    intactPercent: pct(intact, delivered.length),
    problemsSolvedPercent: pct(solved, decided),
    satisfactionPercent: pct(satisfied, called.length),
  };
}

/** One row per store or crew (sorted by name), and the total. */
export function groupFigures(
  by: 'store' | 'crew',
  rows: readonly DeliveryFacts[],
  policy: Pick<DeliveryPolicy, 'problemResolutionHours' | 'satisfiedFrom'>,
  at: { now: Date; today: string },
): { total: DeliveryFigureRow; rows: DeliveryFigureRow[] } {
  const groups = new Map<string, { name: string; rows: DeliveryFacts[] }>();
  for (const r of rows) {
    const key = by === 'store' ? r.storeKey : r.crewKey;
    const name = by === 'store' ? r.storeName : r.crewName;
    const g = groups.get(key) ?? { name, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return {
    total: figuresOf('total', '', rows, policy, at),
    rows: [...groups.entries()]
      .map(([k, g]) => figuresOf(k, g.name, g.rows, policy, at))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
