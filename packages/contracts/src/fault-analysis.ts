import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema } from './common.ts';

/** Fault analysis (故障分析, issue #19 item 3): what the failures are counted by. */
export const FAULT_DIMENSIONS = ['model', 'fault_code', 'part'] as const;
export type FaultDimension = (typeof FAULT_DIMENSIONS)[number];

export const FaultAnalysisQuerySchema = z
  .strictObject({
    from: BusinessDateSchema,
    to: BusinessDateSchema,
    category: z.string().min(1).max(40).optional(),
    dimension: z.enum(FAULT_DIMENSIONS).default('fault_code'),
    locale: z.enum(['zh-CN', 'en-US']).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to is before from' })
  // Two years at most: the baseline doubles it, and a month is one grouped query per dimension.
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 731 * 86_400_000, {
    path: ['to'],
    message: 'the period is longer than two years',
  });
export type FaultAnalysisQuery = z.infer<typeof FaultAnalysisQuerySchema>;

/** One key of a Pareto (a model, fault code or part) with its names in both languages. */
export const ParetoItemSchema = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  count: z.number().int(),
  /** Share of all counted failures, 0..1. */
  share: z.number(),
  cumulative: z.number(),
  /** In the vital few: cumulative share within the setting (80 % by default). */
  vital: z.boolean(),
});
export type ParetoItem = z.infer<typeof ParetoItemSchema>;

export const FaultTrendSchema = z.object({
  months: z.array(z.string()),
  series: z.array(
    z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), counts: z.array(z.number()) }),
  ),
});

export const FaultAlertSchema = z.object({
  dimension: z.enum(FAULT_DIMENSIONS),
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  count: z.number().int(),
  baseline: z.number().int(),
  /** `new`: not seen in the baseline window; `rising`: count rose by at least the ratio. */
  reason: z.enum(['new', 'rising']),
  ratio: z.number().nullable(),
});
export type FaultAlert = z.infer<typeof FaultAlertSchema>;

export const FaultAnalysisSchema = z.object({
  from: BusinessDateSchema,
  to: BusinessDateSchema,
  baselineFrom: BusinessDateSchema,
  baselineTo: BusinessDateSchema,
  category: z.string().nullable(),
  dimension: z.enum(FAULT_DIMENSIONS),
  /** Repair orders registered in the period; `unclassified` of them have no key in this dimension. */
  orders: z.number().int(),
  counted: z.number().int(),
  vitalPercent: z.number(),
  pareto: z.array(ParetoItemSchema),
  trend: FaultTrendSchema,
  alerts: z.array(FaultAlertSchema),
});
export type FaultAnalysis = z.infer<typeof FaultAnalysisSchema>;

export const FaultAnalysisRunSchema = z.object({
  id: IdSchema,
  periodFrom: BusinessDateSchema,
  periodTo: BusinessDateSchema,
  orders: z.number().int(),
  alerts: z.number().int(),
  notified: z.number().int(),
  createdAt: IsoInstantSchema,
});
export type FaultAnalysisRun = z.infer<typeof FaultAnalysisRunSchema>;

/** Every figure of the analysis and of its half-yearly report (a setting, never a constant). */
export const FaultAnalysisPolicySchema = z.strictObject({
  /** The vital few: keys whose cumulative share is within this percentage. */
  vitalPercent: z.number().min(1).max(100),
  /** How many top keys the monthly trend shows. */
  trendTop: z.number().int().min(1).max(20),
  /** A key needs at least this many failures in the period to raise an alert. */
  alertMinCount: z.number().int().min(1).max(100000),
  /** A key seen in the baseline alerts when its count rose by at least this ratio. */
  alertRiseRatio: z.number().min(1).max(100),
  /** The report's period in months (6: every half year, periods start in January). */
  reportMonths: z.number().int().min(1).max(12),
  /** Roles the report notice goes to (there is no production role: add one and name it here). */
  reportRoles: z.array(z.string().min(1).max(40)).min(1).max(10),
  /** How often the job looks for a finished period (minutes). */
  reportCheckMinutes: z.number().int().min(5).max(1440),
});
export type FaultAnalysisPolicy = z.infer<typeof FaultAnalysisPolicySchema>;
export const DEFAULT_FAULT_ANALYSIS_POLICY: FaultAnalysisPolicy = {
  vitalPercent: 80,
  trendTop: 5,
  alertMinCount: 3,
  alertRiseRatio: 2,
  reportMonths: 6,
  reportRoles: ['quality', 'manager'],
  reportCheckMinutes: 720,
};
