import {
  GRADING_METRICS,
  LOWER_IS_BETTER,
  type FieldError,
  type GradingMetric,
  type GradingPolicy,
  type MetricThreshold,
  type OutletGrade,
  type ScorecardMetric,
} from '@anxin/contracts';

/** A metric's raw figure: numerator of denominator (a share, shown in percent). */
export interface MetricFigure {
  numerator: number;
  denominator: number;
}

export type MonthFigures = Record<GradingMetric, MetricFigure>;

export interface ScoreResult {
  metrics: ScorecardMetric[];
  /** One decimal; null when no weighted metric had anything to measure. */
  score: number | null;
  scoreGrade: OutletGrade | null;
  grade: OutletGrade;
  lowVolume: boolean;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * The rules a policy must satisfy beyond its shape: weights add up to 100, each target lies on the
 * good side of its floor (above for shares of good things, below for rates of bad things), and the
 * cut-offs descend A > B > C. Every broken rule is reported with the field it concerns.
 */
export function policyErrors(p: GradingPolicy): FieldError[] {
  const errors: FieldError[] = [];
  const sum = GRADING_METRICS.reduce((s, m) => s + p.weights[m], 0);
  if (sum !== 100)
    errors.push({
      path: 'weights',
      rule: 'sum_100',
      message: `The weights must add up to 100 %, they add up to ${sum} %`,
    });
  for (const m of GRADING_METRICS) {
    const { target, floor } = p.thresholds[m];
    const lower = LOWER_IS_BETTER.includes(m);
    if (lower ? target >= floor : target <= floor)
      errors.push({
        path: `thresholds.${m}.target`,
        rule: lower ? 'below_floor' : 'above_floor',
        message: lower
          ? `The target of ${m} must be below its floor (a lower rate is better)`
          : `The target of ${m} must be above its floor`,
      });
  }
  if (!(p.cutoffs.B < p.cutoffs.A))
    errors.push({ path: 'cutoffs.B', rule: 'below_a', message: 'The B cut-off must be below the A cut-off' });
  if (!(p.cutoffs.C < p.cutoffs.B))
    errors.push({ path: 'cutoffs.C', rule: 'below_b', message: 'The C cut-off must be below the B cut-off' });
  return errors;
}

/** A share in percent with one decimal; null when there is nothing to measure. */
export function percentOf(f: MetricFigure): number | null {
  return f.denominator > 0 ? round1((f.numerator / f.denominator) * 100) : null;
}

/**
 * Points 0–100: 100 at or beyond the target, 0 at or beyond the floor, linear between. One formula
 * serves both directions because a lower-is-better metric has its target below its floor.
 */
export function normalise(value: number, t: MetricThreshold): number {
  if (t.target === t.floor) return value >= t.target ? 100 : 0;
  const x = ((value - t.floor) / (t.target - t.floor)) * 100;
  return round1(Math.min(100, Math.max(0, x)));
}

/** The grade a score earns; each cut-off is inclusive (A ≥ 90 means 90.0 is an A). */
export function gradeFor(score: number, cutoffs: GradingPolicy['cutoffs']): OutletGrade {
  if (score >= cutoffs.A) return 'A';
  if (score >= cutoffs.B) return 'B';
  if (score >= cutoffs.C) return 'C';
  return 'D';
}

/**
 * A month's scorecard from its figures. Metrics without data are shown but left out of the score,
 * whose weights are then spread over the metrics that apply. Below `minOrders` orders (or without
 * any score) the outlet keeps its previous grade: a handful of orders says too little.
 */
export function scoreMonth(
  figures: MonthFigures,
  orderCount: number,
  previousGrade: OutletGrade,
  policy: GradingPolicy,
): ScoreResult {
  const rows = GRADING_METRICS.map((metric) => {
    const f = figures[metric];
    const value = percentOf(f);
    const t = policy.thresholds[metric];
    return {
      metric,
      value,
      numerator: f.numerator,
      denominator: f.denominator,
      points: value === null ? null : normalise(value, t),
      weight: policy.weights[metric],
      target: t.target,
      floor: t.floor,
    };
  });
  const applicable = rows.filter((r) => r.points !== null && r.weight > 0);
  const weightSum = applicable.reduce((s, r) => s + r.weight, 0);
  const metrics: ScorecardMetric[] = rows.map((r) => ({
    ...r,
    contribution:
      r.points === null || weightSum === 0 || r.weight === 0
        ? null
        : round1((r.points * r.weight) / weightSum),
  }));
  const score =
    weightSum === 0 ? null : round1(applicable.reduce((s, r) => s + r.points! * r.weight, 0) / weightSum);
  const scoreGrade = score === null ? null : gradeFor(score, policy.cutoffs);
  const lowVolume = orderCount < policy.minOrders;
  const grade = lowVolume || scoreGrade === null ? previousGrade : scoreGrade;
  return { metrics, score, scoreGrade, grade, lowVolume };
}

/** The instants bounding a business month (Asia/Shanghai, UTC+8 without daylight saving). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    from: new Date(Date.parse(`${month}-01T00:00:00+08:00`)).toISOString(),
    to: new Date(Date.parse(`${next}-01T00:00:00+08:00`)).toISOString(),
  };
}

/** The business month an instant falls in, and the one before. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
/** Day of the month in business time. */
export const businessDay = (at: Date): number => new Date(at.getTime() + 8 * 3_600_000).getUTCDate();
