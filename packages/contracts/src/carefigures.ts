import { z } from 'zod';
import { BusinessDateSchema } from './common.ts';
import { CAMPAIGN_OUTCOMES, CAMPAIGN_PURPOSES } from './campaigns.ts';
import { RULE_KINDS } from './telemetry.ts';
import { CommunityFiguresSchema } from './community.ts';

/**
 * Installed-base figures (设备与服务运营, issue #18 item 7): one report over maintenance, equipment
 * alerts, service contracts, recalls and campaigns. Each module computes its own part.
 */
export const CareFiguresQuerySchema = z
  .object({
    /** First business day of the period (inclusive). */
    from: BusinessDateSchema,
    /** Last business day of the period (inclusive). */
    to: BusinessDateSchema,
    /** A region code (province, city or district); products standing under it. */
    region: z.string().max(12).optional(),
    /** A product category code. */
    category: z.string().max(64).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to must not be before from' });
export type CareFiguresQuery = z.infer<typeof CareFiguresQuerySchema>;

export const PmComplianceSchema = z.object({
  /** Maintenance runs due in the period. */
  due: z.number().int(),
  /** Of those, completed no later than the due date plus the grace days. */
  onTime: z.number().int(),
  /** onTime ÷ due, 0–100 with one decimal; null when nothing was due. */
  compliancePct: z.number().nullable(),
  /** Runs due by the end of the period whose order is neither completed nor cancelled. */
  overdueOpen: z.number().int(),
  graceDays: z.number().int(),
});
export type PmCompliance = z.infer<typeof PmComplianceSchema>;

export const AlertKindFiguresSchema = z.object({
  kind: z.enum(RULE_KINDS),
  raised: z.number().int(),
  withOrder: z.number().int(),
  completed: z.number().int(),
});
export const AlertFiguresSchema = z.object({
  /** Alerts first raised in the period. */
  raised: z.number().int(),
  /** Of those, alerts that opened a work order. */
  withOrder: z.number().int(),
  /** Of those, alerts whose order is completed (or closed). */
  completed: z.number().int(),
  /** Median hours from the alert to its order's completion; null without any. */
  medianHoursToComplete: z.number().nullable(),
  byKind: z.array(AlertKindFiguresSchema),
});
export type AlertFigures = z.infer<typeof AlertFiguresSchema>;

export const ContractFiguresSchema = z.object({
  /** Instalments falling due (billed) in the period, in fen. */
  billedFen: z.number().int(),
  /** Of those, paid, in fen. */
  paidFen: z.number().int(),
  /** Orders counted against a contract (visits) in the period. */
  visits: z.number().int(),
  /** Cost price of parts consumed on those orders, in fen. */
  partsCostFen: z.number().int(),
  /** Labour cost of those visits: visits × the labour cost per visit setting, in fen. */
  labourCostFen: z.number().int(),
  labourCostPerVisitFen: z.number().int(),
  /** billed − parts − labour. */
  marginFen: z.number().int(),
  /** margin ÷ billed, 0–100 with one decimal; null with nothing billed. */
  marginPct: z.number().nullable(),
  /** Contracts in force during the period with a visit quota: their quota and visits used so far. */
  quotaVisits: z.number().int(),
  usedVisits: z.number().int(),
  activeContracts: z.number().int(),
});
export type ContractFigures = z.infer<typeof ContractFiguresSchema>;

export const RecallFigureRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  launchedAt: z.string().nullable(),
  affected: z.number().int(),
  contacted: z.number().int(),
  ordersCreated: z.number().int(),
  completed: z.number().int(),
  completionPct: z.number(),
  /** Products completed per week (Monday, ISO date) within the period. */
  trend: z.array(z.object({ week: z.string(), completed: z.number().int() })),
});
export type RecallFigureRow = z.infer<typeof RecallFigureRowSchema>;

export const CampaignFigureRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.enum(CAMPAIGN_PURPOSES),
  status: z.string(),
  listSize: z.number().int(),
  attempted: z.number().int(),
  reached: z.number().int(),
  /** Call outcomes recorded in the period, by kind. */
  outcomes: z.record(z.enum(CAMPAIGN_OUTCOMES), z.number().int()),
  optedOut: z.number().int(),
  /** Targets whose questionnaire was answered in full ÷ reached, 0–100; null before any reach. */
  conversionPct: z.number().nullable(),
  completed: z.number().int(),
});
export type CampaignFigureRow = z.infer<typeof CampaignFigureRowSchema>;

export const CareFiguresSchema = z.object({
  from: BusinessDateSchema,
  to: BusinessDateSchema,
  pm: PmComplianceSchema,
  alerts: AlertFiguresSchema,
  contracts: ContractFiguresSchema,
  recalls: z.array(RecallFigureRowSchema),
  campaigns: z.array(CampaignFigureRowSchema),
  /** Referrals (and their conversion) and event attendance, from the community module. */
  community: CommunityFiguresSchema,
});
export type CareFigures = z.infer<typeof CareFiguresSchema>;

/** Settings of the installed-base figures (`carefigures.policy`). */
export const CareFiguresPolicySchema = z.strictObject({
  /** Days after its due date a maintenance order may complete and still count as on time. */
  pmGraceDays: z.number().int().min(0).max(90),
  /** Labour cost of one contract visit (fen): the product keeps no labour cost per order. */
  labourCostPerVisitFen: z.number().int().min(0).max(10_000_000),
});
export type CareFiguresPolicy = z.infer<typeof CareFiguresPolicySchema>;
export const DEFAULT_CAREFIGURES_POLICY: CareFiguresPolicy = { pmGraceDays: 3, labourCostPerVisitFen: 8000 };

/** The period and filters each module's figures function receives (instants: [fromAt, toAt)). */
export interface CareFiguresScope {
  from: string;
  to: string;
  fromAt: string;
  toAt: string;
  /** Today's business date (the injected clock): what is overdue. */
  today: string;
  /** District-code prefix of the region filter; null for every region. */
  regionPrefix: string | null;
  categoryCode: string | null;
}

/** An order's outcome as the figures read it (work-order module, through ports). */
export interface OrderOutcomeFacts {
  status: string;
  completedAt: string | null;
  closedAt: string | null;
  districtCode: string | null;
  categoryCode: string | null;
}
export type OrderOutcomeLookup = (ids: string[]) => Promise<Map<string, OrderOutcomeFacts>>;

/** When an order's work was done: its completion, else its closing (remote resolutions close). */
export const doneAtOf = (o: OrderOutcomeFacts | undefined): string | null =>
  o && o.status !== 'cancelled' ? (o.completedAt ?? o.closedAt) : null;

/** Whether an order stands under the region prefix and in the category of the filters. */
export const inFilters = (
  scope: Pick<CareFiguresScope, 'regionPrefix' | 'categoryCode'>,
  districtCode: string | null,
  categoryCode: string | null,
): boolean =>
  (!scope.regionPrefix || (districtCode ?? '').startsWith(scope.regionPrefix)) &&
  (!scope.categoryCode || categoryCode === scope.categoryCode);
