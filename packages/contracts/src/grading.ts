import { z } from 'zod';
import { IdSchema, storedText } from './common.ts';
import { OUTLET_GRADES } from './network.ts';

/**
 * Outlet grading (网点评级, issue #7 part 4): a monthly scorecard per outlet from seven metrics,
 * each normalised to 0–100 points between a floor and a target, weighted into a score, and the
 * score cut into grades A–D. Every figure is a setting (`grading.policy`), never a constant.
 */
export const GRADING_METRICS = [
  'response',
  'arrival',
  'first_fix',
  'repeat_repair',
  'satisfaction',
  'complaint_rate',
  'attitude',
] as const;
export type GradingMetric = (typeof GRADING_METRICS)[number];

/** Metrics where a smaller share is better (rates of bad things). */
export const LOWER_IS_BETTER: readonly GradingMetric[] = ['repeat_repair', 'complaint_rate', 'attitude'];

/** Grades as the network module defines them (outlets.grade). */
export type OutletGrade = (typeof OUTLET_GRADES)[number];

export const SCORECARD_STATUSES = ['draft', 'final'] as const;
export type ScorecardStatus = (typeof SCORECARD_STATUSES)[number];

/** A calendar month in business time (Asia/Shanghai), `YYYY-MM`. */
export const MonthSchema = storedText().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month as YYYY-MM');

const Percent = z.number().min(0).max(100);

/** Points are 100 at or beyond the target, 0 at or beyond the floor, linear between (percent values). */
export const MetricThresholdSchema = z.strictObject({ target: Percent, floor: Percent });
export type MetricThreshold = z.infer<typeof MetricThresholdSchema>;

const perMetric = <T extends z.ZodType>(s: T) =>
  z.strictObject(Object.fromEntries(GRADING_METRICS.map((m) => [m, s])) as Record<GradingMetric, T>);

export const GradingPolicySchema = z.strictObject({
  /** Whole percent per metric; they must add up to 100. */
  weights: perMetric(z.number().int().min(0).max(100)),
  thresholds: perMetric(MetricThresholdSchema),
  /** Lowest score (inclusive) for grades A, B and C; below C is D. */
  cutoffs: z.strictObject({ A: Percent, B: Percent, C: Percent }),
  /** Below this many orders in the month the outlet keeps its grade. */
  minOrders: z.number().int().min(0).max(100_000),
  /** Day of the month (business time) from which the job computes the previous month's draft. */
  runOnDay: z.number().int().min(1).max(28),
});
export type GradingPolicy = z.infer<typeof GradingPolicySchema>;

export const GradingPolicyViewSchema = z.object({ policy: GradingPolicySchema, version: z.number().int() });
export type GradingPolicyView = z.infer<typeof GradingPolicyViewSchema>;
export const PutGradingPolicySchema = z.strictObject({
  policy: z.unknown(),
  version: z.number().int().min(0),
});

export const ScorecardMetricSchema = z.object({
  metric: z.enum(GRADING_METRICS),
  /** Percent, one decimal; null when there is nothing to measure (left out of the score). */
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** 0–100 after normalisation; null when not applicable. */
  points: z.number().nullable(),
  weight: z.number(),
  /** Points × weight ÷ applicable weights (what the metric adds to the score). */
  contribution: z.number().nullable(),
  target: z.number(),
  floor: z.number(),
});
export type ScorecardMetric = z.infer<typeof ScorecardMetricSchema>;

export const ScorecardSchema = z.object({
  outletId: storedText(),
  outletCode: storedText(),
  outletName: storedText(),
  month: storedText(),
  status: z.enum(SCORECARD_STATUSES),
  /** Weighted score 0–100 (one decimal); null when no metric applies. */
  score: z.number().nullable(),
  /** The grade the score earns (null without a score). */
  scoreGrade: z.enum(OUTLET_GRADES).nullable(),
  /** The month's grade: the score's, or the previous grade when the volume is too low. */
  grade: z.enum(OUTLET_GRADES),
  previousGrade: z.enum(OUTLET_GRADES),
  lowVolume: z.boolean(),
  orderCount: z.number().int(),
  metrics: z.array(ScorecardMetricSchema),
  computedAt: storedText(),
  finalisedAt: storedText().nullable(),
  version: z.number().int(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const ScorecardListQuerySchema = z.object({ month: MonthSchema });
export const ScorecardListSchema = z.object({
  month: storedText(),
  /** none: not computed; draft / final; mixed: some outlets finalised. */
  status: z.enum(['none', 'draft', 'final', 'mixed']),
  items: z.array(ScorecardSchema),
});
export type ScorecardList = z.infer<typeof ScorecardListSchema>;

export const ScorecardHistorySchema = z.object({
  outletId: storedText(),
  outletCode: storedText(),
  outletName: storedText(),
  currentGrade: z.enum(OUTLET_GRADES),
  /** Newest month first. */
  items: z.array(ScorecardSchema),
});
export type ScorecardHistory = z.infer<typeof ScorecardHistorySchema>;

export const GradingRunRequestSchema = z.strictObject({ month: MonthSchema });
export const GradingRunResultSchema = z.object({
  month: storedText(),
  computed: z.number().int(),
  /** Finalised scorecards are locked and were left as they are. */
  locked: z.number().int(),
  items: z.array(ScorecardSchema),
});
export type GradingRunResult = z.infer<typeof GradingRunResultSchema>;

export const GradingFinaliseResultSchema = z.object({
  month: storedText(),
  finalised: z.number().int(),
  /** Outlets whose `grade` changed (a later finalised month keeps the outlet's grade). */
  gradesChanged: z.array(
    z.object({ outletId: storedText(), from: z.enum(OUTLET_GRADES), to: z.enum(OUTLET_GRADES) }),
  ),
});
export type GradingFinaliseResult = z.infer<typeof GradingFinaliseResultSchema>;

export const MetricOrdersParamsSchema = z.object({
  outletId: IdSchema,
  month: MonthSchema,
  metric: z.enum(GRADING_METRICS),
});

/**
 * One row behind a figure: the order (or complaint / callback) and why it counts. `hit` marks the
 * rows in the numerator (on time, fixed first time, satisfied, a complaint, ...).
 */
export const MetricOrderSchema = z.object({
  orderId: storedText().nullable(),
  orderNumber: storedText().nullable(),
  orderStatus: storedText().nullable(),
  refId: storedText().nullable(),
  hit: z.boolean(),
  reason: storedText(),
  at: storedText().nullable(),
  dueAt: storedText().nullable(),
});
export type MetricOrder = z.infer<typeof MetricOrderSchema>;
export const MetricOrdersSchema = z.object({
  outletId: storedText(),
  month: storedText(),
  metric: z.enum(GRADING_METRICS),
  numerator: z.number().int(),
  denominator: z.number().int(),
  items: z.array(MetricOrderSchema),
});
export type MetricOrders = z.infer<typeof MetricOrdersSchema>;
