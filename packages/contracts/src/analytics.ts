import { z } from 'zod';
import { BusinessDateSchema, IdSchema } from './common.ts';
import { WORK_ORDER_CHANNELS } from './workorder-vocab.ts';

/** Analytics dashboards (统计分析, issue #19 items 1–2): the role views. */
export const ANALYTICS_VIEWS = ['manager', 'dispatcher', 'quality', 'outlet', 'finance'] as const;
export type AnalyticsView = (typeof ANALYTICS_VIEWS)[number];
export const ANALYTICS_BUCKETS = ['day', 'week', 'month'] as const;
export type AnalyticsBucket = (typeof ANALYTICS_BUCKETS)[number];

const AnalyticsQueryBase = z.strictObject({
  from: BusinessDateSchema,
  to: BusinessDateSchema,
  /** A province (2 digits), city (4) or district (6) code, or its 6-digit spelling. */
  region: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
  category: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
  outlet: IdSchema.optional(),
  channel: z.enum(WORK_ORDER_CHANNELS).optional(),
  view: z.enum(ANALYTICS_VIEWS).default('manager'),
  bucket: z.enum(ANALYTICS_BUCKETS).default('day'),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
});
const periodChecked = <T extends z.ZodType<{ from: string; to: string }>>(s: T) =>
  s
    .refine((q) => q.from <= q.to, { path: ['to'], message: 'to is before from' })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 731 * 86_400_000, {
      path: ['to'],
      message: 'the period is longer than two years',
    });
export const AnalyticsQuerySchema = periodChecked(AnalyticsQueryBase);
export type AnalyticsQuery = z.infer<typeof AnalyticsQuerySchema>;

/** The counts every row of the dashboard carries (orders of the period's creation cohort). */
export const AnalyticsCountsSchema = z.object({
  created: z.number(),
  closed: z.number(),
  cancelled: z.number(),
  open: z.number(),
  repairsClosed: z.number(),
  firstTimeFix: z.number(),
  repeatRepairs: z.number(),
  firstContactMet: z.number(),
  firstContactMissed: z.number(),
  firstContactPending: z.number(),
  responseMet: z.number(),
  responseMissed: z.number(),
  responsePending: z.number(),
  resolutionMet: z.number(),
  resolutionMissed: z.number(),
  resolutionPending: z.number(),
  callbacks: z.number(),
  callbacksSatisfied: z.number(),
  complaintsOpened: z.number(),
  complaintsResolved: z.number(),
  partsQty: z.number(),
  partsCostFen: z.number(),
});
export type AnalyticsCounts = z.infer<typeof AnalyticsCountsSchema>;

export const ANALYTICS_FIGURES = [
  'created',
  'closed',
  'open',
  'cancelled',
  'firstContactRate',
  'responseRate',
  'resolutionRate',
  'firstTimeFixRate',
  'repeatRepairRate',
  'satisfactionRate',
  'complaintRate',
  'complaintResolutionRate',
  'partsQty',
  'partsCost',
] as const;
export type AnalyticsFigureKey = (typeof ANALYTICS_FIGURES)[number];

/** One headline figure: a count or a rate (0..1, null without a denominator) and its orders. */
export const AnalyticsFigureSchema = z.object({
  key: z.enum(ANALYTICS_FIGURES),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  /** The work-order list (web path and query) with the figure's filters: the drill-down. */
  link: z.string(),
});
export type AnalyticsFigure = z.infer<typeof AnalyticsFigureSchema>;

export const AnalyticsRowSchema = AnalyticsCountsSchema.extend({
  key: z.string(),
  name: z.string(),
  link: z.string(),
});
export type AnalyticsRow = z.infer<typeof AnalyticsRowSchema>;

export const AnalyticsDashboardSchema = z.object({
  from: BusinessDateSchema,
  to: BusinessDateSchema,
  view: z.enum(ANALYTICS_VIEWS),
  bucket: z.enum(ANALYTICS_BUCKETS),
  /** When the newest rollup row of the period was computed (null: nothing rolled up yet). */
  computedAt: z.string().nullable(),
  totals: AnalyticsCountsSchema,
  figures: z.array(AnalyticsFigureSchema),
  /** Per bucket (its first day), oldest first. */
  trend: z.array(AnalyticsRowSchema),
  outlets: z.array(AnalyticsRowSchema),
  technicians: z.array(AnalyticsRowSchema),
  categories: z.array(AnalyticsRowSchema),
  channels: z.array(AnalyticsRowSchema),
  provinces: z.array(AnalyticsRowSchema),
  cities: z.array(AnalyticsRowSchema),
});
export type AnalyticsDashboard = z.infer<typeof AnalyticsDashboardSchema>;

export const ANALYTICS_TABLES = [
  'trend',
  'outlets',
  'technicians',
  'categories',
  'channels',
  'provinces',
  'cities',
] as const;
export type AnalyticsTable = (typeof ANALYTICS_TABLES)[number];

/** The Excel file: the dashboard's query and, optionally, the one table to export. */
export const AnalyticsExportQuerySchema = periodChecked(
  AnalyticsQueryBase.extend({ table: z.enum(ANALYTICS_TABLES).optional() }),
);
export type AnalyticsExportQuery = z.infer<typeof AnalyticsExportQuerySchema>;

export const AnalyticsPolicySchema = z.strictObject({
  /** How often the dirty orders' days are recomputed (the events' follow-up). */
  refreshEverySeconds: z.number().int().min(10).max(3600),
  /** The nightly job recomputes this many recent days from source. */
  recentDays: z.number().int().min(1).max(60),
  recentEveryHours: z.number().int().min(1).max(168),
  /** Rows in the outlet and technician rankings. */
  rankingSize: z.number().int().min(3).max(200),
});
export type AnalyticsPolicy = z.infer<typeof AnalyticsPolicySchema>;
export const DEFAULT_ANALYTICS_POLICY: AnalyticsPolicy = {
  refreshEverySeconds: 60,
  recentDays: 3,
  recentEveryHours: 24,
  rankingSize: 20,
};
