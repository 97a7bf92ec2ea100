import { z } from 'zod';
import { BusinessDateSchema, IdSchema, IsoInstantSchema, storedText } from './common.ts';

/**
 * Evaluation (GB/T 27922-2011 商品售后服务评价体系): a versioned scheme of sections → indicators →
 * checklist items with points, evaluations with evidence by channel, special deductions and the
 * single bonus, grades; beside it the live KPI panel against configurable targets.
 */

export const EVIDENCE_CHANNELS = [
  'document',
  'onsite',
  'sample',
  'survey_questionnaire',
  'phone_survey',
  'revisit',
  'mystery_shopper',
] as const;
export type EvidenceChannel = (typeof EVIDENCE_CHANNELS)[number];

export const ITEM_MODES = ['binary', 'sampled'] as const;
export type ItemMode = (typeof ITEM_MODES)[number];

export const DEDUCTION_CATEGORIES = ['law', 'own_rules', 'industry', 'system_running'] as const;
export type DeductionCategory = (typeof DEDUCTION_CATEGORIES)[number];

export const EVALUATION_GRADES = ['fail', 'pass', 'three_star', 'four_star', 'five_star'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

export const EVALUATION_STATUSES = ['draft', 'final'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

const Code = storedText().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'letters, digits, _ . -');
const Name = storedText().trim().min(1).max(120);
/** Points with at most two decimals. */
const Points = z
  .number()
  .min(0)
  .max(100)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'at most two decimals');

export const SchemeItemSchema = z.strictObject({
  code: Code,
  name: Name,
  points: Points,
  mode: z.enum(ITEM_MODES),
  /** What the assessor checks (optional guidance). */
  guidance: storedText().max(500).nullable().default(null),
});
export type SchemeItem = z.infer<typeof SchemeItemSchema>;

export const SchemeIndicatorSchema = z.strictObject({
  code: Code,
  name: Name,
  /** Its checklist items must add up to this. */
  points: Points,
  items: z.array(SchemeItemSchema).min(1).max(50),
});
export type SchemeIndicator = z.infer<typeof SchemeIndicatorSchema>;

export const SchemeSectionSchema = z.strictObject({
  code: Code,
  name: Name,
  points: Points,
  indicators: z.array(SchemeIndicatorSchema).min(1).max(30),
});
export type SchemeSection = z.infer<typeof SchemeSectionSchema>;

export const GradeBandSchema = z.strictObject({
  grade: z.enum(EVALUATION_GRADES),
  /** Inclusive lower bound on the 0–100 score. */
  minScore: z.number().min(0).max(100),
  /** Star grades need a year at 达标 first. */
  star: z.boolean(),
});
export type GradeBand = z.infer<typeof GradeBandSchema>;

export const SchemeRulesSchema = z.strictObject({
  bands: z.array(GradeBandSchema).min(1).max(10),
  /** 特别扣分项 at or above this count fail the evaluation (GB/T 27922: 5). */
  failIfSpecialDeductionsAtLeast: z.number().int().min(1).max(100),
  specialDeductionPoints: z.number().min(0).max(10),
  bonusPoints: z.number().min(0).max(10),
  maxBonusItems: z.number().int().min(0).max(5),
  /** UNVERIFIED in the standard: deductions/bonus applied to the normalised score or the raw points. */
  adjustOn: z.enum(['normalized', 'raw']),
  /** UNVERIFIED: the result is capped here (100). */
  cap: z.number().min(0).max(200),
  /** 达标一年以后 进行星级评定: months at 达标 before a star grade. */
  starRequiresMonthsAtPass: z.number().int().min(0).max(60),
  /**
   * The points each section must carry, in section order (GB/T 27922: 40 / 35 / 25). Versions
   * stored before this field existed are held to the default.
   */
  sectionPoints: z.array(Points).min(1).max(10).optional(),
});
export type SchemeRules = z.infer<typeof SchemeRulesSchema>;

export const SchemeDefinitionSchema = z.strictObject({
  name: Name,
  /** Must add up to 100 over the sections. */
  sections: z.array(SchemeSectionSchema).min(1).max(10),
  rules: SchemeRulesSchema,
});
export type SchemeDefinition = z.infer<typeof SchemeDefinitionSchema>;

export const SchemeSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  definition: SchemeDefinitionSchema,
  current: z.boolean(),
  createdAt: IsoInstantSchema,
  createdBy: storedText().nullable(),
});
export type Scheme = z.infer<typeof SchemeSchema>;

export const PutSchemeSchema = z.strictObject({
  /** The version the edit started from; a newer one in between is a 409. */
  baseVersion: z.number().int().min(0),
  definition: SchemeDefinitionSchema,
});
export type PutScheme = z.infer<typeof PutSchemeSchema>;

export const SchemeVersionsSchema = z.object({
  items: z.array(
    z.object({ id: IdSchema, version: z.number().int(), name: storedText(), createdAt: IsoInstantSchema }),
  ),
});

// ---------- evaluations ----------
export const CreateEvaluationSchema = z.strictObject({
  /** The company or unit evaluated (its grade history is kept by this name). */
  subject: Name,
  /** The period label, e.g. "2026" or "2026-H2". */
  period: storedText().trim().min(1).max(40),
  assessedOn: BusinessDateSchema,
});
export type CreateEvaluation = z.infer<typeof CreateEvaluationSchema>;

export const EvidenceInputSchema = z.strictObject({
  itemCode: Code,
  channel: z.enum(EVIDENCE_CHANNELS),
  note: storedText().trim().max(2000).default(''),
  /** File names or links of the documents, photos or recordings the finding rests on. */
  attachments: z.array(storedText().trim().min(1).max(500)).max(20).default([]),
  /** Binary items: the finding. */
  conforming: z.boolean().nullable().optional(),
  /** Sampled items: the records checked and how many did not conform. */
  sampleSize: z.number().int().min(1).max(100000).nullable().optional(),
  nonConforming: z.number().int().min(0).max(100000).nullable().optional(),
  /** Points the assessor awards on this evidence (0…the item's points; binary: 0 or full). */
  score: z.number().min(0).nullable().optional(),
});
export type EvidenceInput = z.input<typeof EvidenceInputSchema>;

export const EvidenceSchema = z.object({
  id: IdSchema,
  itemCode: storedText(),
  channel: z.enum(EVIDENCE_CHANNELS),
  note: storedText(),
  attachments: z.array(storedText()),
  conforming: z.boolean().nullable(),
  sampleSize: z.number().int().nullable(),
  nonConforming: z.number().int().nullable(),
  score: z.number().nullable(),
  recordedAt: IsoInstantSchema,
  recordedBy: storedText().nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const PutItemSchema = z.strictObject({
  applicable: z.boolean(),
  /** Why the item is removed (删减); required when not applicable. */
  naReason: storedText().trim().max(500).nullable().default(null),
});
export type PutItem = z.input<typeof PutItemSchema>;

export const AdjustmentInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('deduction'),
    category: z.enum(DEDUCTION_CATEGORIES),
    description: storedText().trim().min(1).max(1000),
    correctiveAction: storedText().trim().min(1).max(1000),
  }),
  z.strictObject({
    kind: z.literal('bonus'),
    description: storedText().trim().min(1).max(1000),
  }),
]);
export type AdjustmentInput = z.infer<typeof AdjustmentInputSchema>;

export const AdjustmentSchema = z.object({
  id: IdSchema,
  kind: z.enum(['deduction', 'bonus']),
  category: z.enum(DEDUCTION_CATEGORIES).nullable(),
  description: storedText(),
  correctiveAction: storedText().nullable(),
  createdAt: IsoInstantSchema,
  createdBy: storedText().nullable(),
});
export type Adjustment = z.infer<typeof AdjustmentSchema>;

export const PutOutstandingSchema = z.strictObject({
  outstanding: z.boolean(),
  reason: storedText().trim().max(1000).nullable().default(null),
});
export type PutOutstanding = z.input<typeof PutOutstandingSchema>;

export const ItemScoreSchema = z.object({
  code: storedText(),
  path: storedText(),
  points: z.number(),
  mode: z.enum(ITEM_MODES),
  applicable: z.boolean(),
  assessed: z.boolean(),
  achieved: z.number(),
});

export const ScoreResultSchema = z.object({
  applicablePoints: z.number(),
  achievedPoints: z.number(),
  normalized: z.number(),
  deductions: z.number().int(),
  bonuses: z.number().int(),
  score: z.number(),
  /** The band the score reaches, before the year-at-达标 rule. */
  bandGrade: z.enum(EVALUATION_GRADES),
  grade: z.enum(EVALUATION_GRADES),
  /** The star grade was held back to 达标 (less than a year at 达标, no outstanding override). */
  starCapped: z.boolean(),
  failedByDeductions: z.boolean(),
  unassessed: z.number().int(),
  sections: z.array(
    z.object({ code: storedText(), points: z.number(), applicable: z.number(), achieved: z.number() }),
  ),
  items: z.array(ItemScoreSchema),
});
export type ScoreResult = z.infer<typeof ScoreResultSchema>;

export const EvaluationSummarySchema = z.object({
  id: IdSchema,
  subject: storedText(),
  period: storedText(),
  assessedOn: BusinessDateSchema,
  status: z.enum(EVALUATION_STATUSES),
  schemeId: IdSchema,
  schemeVersion: z.number().int(),
  score: z.number().nullable(),
  grade: z.enum(EVALUATION_GRADES).nullable(),
  outstanding: z.boolean(),
  outstandingReason: storedText().nullable(),
  createdAt: IsoInstantSchema,
  finalizedAt: IsoInstantSchema.nullable(),
  version: z.number().int(),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummarySchema>;

export const EvaluationHistorySchema = z.object({
  /** assessedOn of the subject's first final evaluation graded 达标 or better. */
  firstPassOn: BusinessDateSchema.nullable(),
  /** From this date a star grade is possible without the outstanding override. */
  starEligibleOn: BusinessDateSchema.nullable(),
  evaluations: z.array(EvaluationSummarySchema),
});

export const EvaluationDetailSchema = z.object({
  evaluation: EvaluationSummarySchema,
  scheme: SchemeSchema,
  items: z.array(
    z.object({ code: storedText(), applicable: z.boolean(), naReason: storedText().nullable() }),
  ),
  evidence: z.array(EvidenceSchema),
  adjustments: z.array(AdjustmentSchema),
  result: ScoreResultSchema,
  history: EvaluationHistorySchema,
});
export type EvaluationDetail = z.infer<typeof EvaluationDetailSchema>;

export const EvaluationListSchema = z.object({ items: z.array(EvaluationSummarySchema) });
export const EvaluationListQuerySchema = z.object({ subject: storedText().max(120).optional() });

// ---------- KPI panel ----------
export const KpiTargetsSchema = z.strictObject({
  regionCoverage: z.number().min(0).max(1),
  selfBuiltShare: z.number().min(0).max(1),
  /** Complaints ÷ service orders, at most. */
  complaintRateMax: z.number().min(0).max(1),
  complaintResolutionMin: z.number().min(0).max(1),
  satisfactionMin: z.number().min(0).max(1),
  responseOnTimeMin: z.number().min(0).max(1),
  /** The response window in hours ("24 h response"). */
  responseWindowHours: z.number().min(1).max(720),
  /**
   * Share of first contacts within their SLA clock (the policy's 5 business minutes), at least.
   * Versions stored before this field existed read the default.
   */
  firstContactOnTimeMin: z.number().min(0).max(1).optional(),
  /** Share of resolutions within their SLA clock (the policy's 3 working days), at least. */
  resolutionOnTimeMin: z.number().min(0).max(1).optional(),
});
export type KpiTargets = z.infer<typeof KpiTargetsSchema>;
export const PutKpiTargetsSchema = KpiTargetsSchema.extend({ version: z.number().int().min(0) });
export const KpiTargetsViewSchema = KpiTargetsSchema.extend({ version: z.number().int() });

export const KPI_KEYS = [
  'regionCoverage',
  'selfBuiltShare',
  'complaintRate',
  'complaintResolution',
  'satisfaction',
  'responseOnTime',
  'firstContactOnTime',
  'resolutionOnTime',
  /** SLA clocks that cannot be computed (no calendar data), ÷ clocks started: at most 0. */
  'slaUnknown',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** The KPIs measured on SLA clocks, each drilling down to its orders. */
export const CLOCK_KPI_KEYS = [
  'firstContactOnTime',
  'responseOnTime',
  'resolutionOnTime',
  'slaUnknown',
] as const;
export type ClockKpiKey = (typeof CLOCK_KPI_KEYS)[number];
/** How one clock counts: in time, late, still running within its time, or not computable. */
export const CLOCK_VERDICTS = ['met', 'missed', 'pending', 'unknown'] as const;
export type ClockVerdict = (typeof CLOCK_VERDICTS)[number];
export const KpiOrdersParamsSchema = z.object({ key: z.enum(CLOCK_KPI_KEYS) });
export const KpiOrderSchema = z.object({
  orderId: storedText(),
  orderNumber: storedText(),
  metric: storedText(),
  startedAt: IsoInstantSchema,
  dueAt: IsoInstantSchema.nullable(),
  stoppedAt: IsoInstantSchema.nullable(),
  verdict: z.enum(CLOCK_VERDICTS),
});
export type KpiOrder = z.infer<typeof KpiOrderSchema>;
export const KpiOrdersSchema = z.object({
  key: z.enum(CLOCK_KPI_KEYS),
  from: BusinessDateSchema,
  to: BusinessDateSchema,
  items: z.array(KpiOrderSchema),
});
export type KpiOrders = z.infer<typeof KpiOrdersSchema>;

export const KpiSchema = z.object({
  key: z.enum(KPI_KEYS),
  value: z.number().nullable(),
  target: z.number(),
  /** 'min': value ≥ target meets it; 'max': value ≤ target. */
  direction: z.enum(['min', 'max']),
  /** null when there is nothing to measure (denominator 0). */
  met: z.boolean().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
});
export type Kpi = z.infer<typeof KpiSchema>;

export const KpiQuerySchema = z.object({
  from: BusinessDateSchema.optional(),
  to: BusinessDateSchema.optional(),
});
export const KpiPanelSchema = z.object({
  from: BusinessDateSchema,
  to: BusinessDateSchema,
  computedAt: IsoInstantSchema,
  targets: KpiTargetsViewSchema,
  kpis: z.array(KpiSchema),
});
export type KpiPanel = z.infer<typeof KpiPanelSchema>;
