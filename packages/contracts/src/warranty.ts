import { z } from 'zod';
import { BusinessDateSchema, IdSchema, storedText } from './common.ts';

/**
 * 三包 policy engine (issue #14): the remedies a product is entitled to on a request date, each with
 * its deadline and the rule and article that decided it. Explanations travel as rule codes with
 * parameters; the web words them in the user's language (no server text reaches a person).
 */

/** What a customer may be given. `no_reason_return` is the online 7-day return (消保法第25条). */
export const REMEDIES = [
  'refund',
  'exchange',
  'free_repair',
  'paid_repair',
  'no_reason_return',
  'part_replacement',
  /** Cars 第21条: a loaner car (or transport compensation) from day 6 of a long repair. */
  'loaner_car',
] as const;
export type Remedy = (typeof REMEDIES)[number];

/** Who pays a remedy's cost in the end (RMA charge-back, repairer-delay and parts-unavailable rules). */
export const COST_PARTIES = ['producer', 'supplier', 'seller', 'outlet', 'logistics', 'customer'] as const;
export type CostParty = (typeof COST_PARTIES)[number];

/** Policy rule sets the engine knows; a policy version picks one and sets its parameters. */
export const POLICY_KINDS = ['sanbao_1995', 'auto_2021', 'online_7day', 'furniture', 'contract'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** A rule's verdict on one remedy: allowed or not, until when, and why (rule code + params). */
export const RemedyVerdictSchema = z.object({
  remedy: z.enum(REMEDIES),
  allowed: z.boolean(),
  /** Last day (inclusive) the remedy can be asked for; null when it has no deadline. */
  deadline: BusinessDateSchema.nullable(),
  /** Stable rule code, e.g. `sanbao.return_7d`; the web has a sentence for each. */
  rule: z.string(),
  /** The citation, e.g. `《部分商品修理更换退货责任规定》第9条`. */
  article: z.string(),
  /** Values the sentence needs (days, counts, dates, rates); numbers and ISO dates only. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Remedies that need an approver even when allowed (furniture: refund only with approval). */
  needsApproval: z.boolean(),
  /** Who bears the cost when the rule says (repairer delay → outlet, parts unavailable → seller). */
  payer: z.enum(COST_PARTIES).nullable(),
});
export type RemedyVerdict = z.infer<typeof RemedyVerdictSchema>;

/** One reason the coverage dates are what they are (start, month-end, extensions, holiday move). */
export const CoverageReasonSchema = z.object({
  rule: z.string(),
  article: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type CoverageReason = z.infer<typeof CoverageReasonSchema>;

export const WARRANTY_COVERAGE_STATUSES = [
  'in_warranty',
  'main_parts_only',
  'out_of_warranty',
  'unknown',
] as const;

export const WarrantyCoverageSchema = z.object({
  status: z.enum(WARRANTY_COVERAGE_STATUSES),
  startsOn: BusinessDateSchema.nullable(),
  /** Whole unit covered through this day (inclusive), after extensions and the holiday move. */
  unitUntil: BusinessDateSchema.nullable(),
  mainPartsUntil: BusinessDateSchema.nullable(),
  repairDays: z.number().int().nonnegative(),
  partsWaitDays: z.number().int().nonnegative(),
  reasons: z.array(CoverageReasonSchema),
});
export type WarrantyCoverage = z.infer<typeof WarrantyCoverageSchema>;

export const WarrantyEvaluationSchema = z.object({
  policy: z
    .object({
      id: IdSchema,
      kind: z.enum(POLICY_KINDS),
      version: z.number().int().positive(),
      nameZh: z.string(),
      nameEn: z.string(),
    })
    .nullable(),
  asOf: BusinessDateSchema,
  coverage: WarrantyCoverageSchema,
  remedies: z.array(RemedyVerdictSchema),
  /** Refund after use: price × daily rate × days used (minus repair and waiting days), in fen. */
  depreciation: z
    .object({
      dailyRatePermille: z.number().nonnegative(),
      days: z.number().int().nonnegative(),
      priceFen: z.number().int().nonnegative().nullable(),
      amountFen: z.number().int().nonnegative().nullable(),
    })
    .nullable(),
  /**
   * Cars 第27条: on an exchange or return under 第24条 the consumer pays for the use had:
   * price × mileage ÷ 1000 × n (n ≤ 0.5 %, printed on the 三包凭证), in fen. Null otherwise.
   */
  usageCompensation: z
    .object({
      ratePercent: z.number().nonnegative(),
      mileageKm: z.number().int().nonnegative().nullable(),
      priceFen: z.number().int().nonnegative().nullable(),
      amountFen: z.number().int().nonnegative().nullable(),
    })
    .nullable()
    .default(null),
});
export type WarrantyEvaluation = z.infer<typeof WarrantyEvaluationSchema>;

/* ---------- Policies as data (issue #14 item 3): one zod schema of parameters per kind ---------- */

/**
 * How a period's last day moves when it is a rest day (民法典 第203条). `statutory_holidays` moves
 * only past a 法定节假日 block; `all_rest_days` also past weekends; `none` keeps the day.
 */
export const HOLIDAY_MOVES = ['statutory_holidays', 'all_rest_days', 'none'] as const;
export type HolidayMove = (typeof HOLIDAY_MOVES)[number];

const days = (max = 3650) => z.number().int().min(0).max(max);
const count = () => z.number().int().min(1).max(100);
const codeList = () => z.array(storedText().min(1).max(64)).max(200);

/** 《部分商品修理更换退货责任规定》(1995), docs/domain-standards.md §2.2. */
export const Sanbao1995ParamsSchema = z.object({
  unitWarrantyMonths: z.number().int().min(0).max(240),
  mainPartsWarrantyMonths: z.number().int().min(0).max(240),
  /** Daily depreciation in ‰ of the price (0.1 %/day = 1). */
  dailyRatePermille: z.number().min(0).max(100),
  returnDays: days(365),
  exchangeDays: days(365),
  repairsBeforeExchange: count(),
  repairerDelayDays: days(),
  partsUnavailableDays: days(),
  postRepairGuaranteeDays: days(),
  performanceFaultCodes: codeList(),
  holidayMove: z.enum(HOLIDAY_MOVES),
});
export type Sanbao1995Params = z.infer<typeof Sanbao1995ParamsSchema>;

/** 《家用汽车产品修理更换退货责任规定》(2021), docs/domain-standards.md §2.3. */
export const Auto2021ParamsSchema = z.object({
  threePackMonths: z.number().int().min(0).max(240),
  threePackKm: z.number().int().min(0),
  repairWarrantyMonths: z.number().int().min(0).max(240),
  repairWarrantyKm: z.number().int().min(0),
  majorPartDays: days(),
  majorPartKm: z.number().int().min(0),
  swapDays: days(),
  safetyDays: days(),
  safetyKm: z.number().int().min(0),
  cumulativeRepairDays: days(),
  sameProblemRepairs: count(),
  /** 第24条(一): a serious safety fault repaired this many times and back (or a new one). */
  safetyRepairs: count().default(2),
  /** 第24条(二)(三): an assembly, or the same main component, replaced this many times and still faulty. */
  replacementsBeforeExchange: count().default(2),
  /** Fault codes that are 第23/24条 serious safety faults (转向/制动失效, 车身开裂, 燃油泄漏, 起火). */
  safetyFaultCodes: z.array(z.string().min(1).max(40)).max(200).default([]),
  /** Part classes that are whole assemblies: 发动机, 变速器, 动力蓄电池, 行驶驱动电机 (第24条(二)). */
  assemblyPartClasses: z.array(z.string().min(1).max(40)).max(50).default([]),
  /** Part classes of main components (转向, 制动, 悬架, 传动 …) counted per class (第24条(三)). */
  mainComponentPartClasses: z.array(z.string().min(1).max(40)).max(100).default([]),
  /** 第21条: a single repair longer than this many days gives a loaner car from the next day. */
  loanerAfterDays: days(365).default(5),
  /** 第27条: the producer's n, in % of the price per 1,000 km (the rule caps it at 0.5 %). */
  usageRatePercent: z.number().min(0).max(0.5).default(0.5),
  holidayMove: z.enum(HOLIDAY_MOVES),
});
export type Auto2021Params = z.infer<typeof Auto2021ParamsSchema>;

/** Statutory exclusions of 消保法 第25条 (no confirmation needed). */
export const ONLINE_STATUTORY_EXCLUSIONS = [
  'custom_made',
  'fresh_perishable',
  'unsealed_digital_media_software',
  'newspapers_periodicals',
] as const;
/** Exclusions that hold only if the consumer confirmed them at purchase (暂行办法 第7条). */
export const ONLINE_CONFIRMABLE_EXCLUSIONS = [
  'unseal_affects_safety_or_quality',
  'activation_devalues',
  'near_expiry_or_disclosed_defect',
] as const;
export const ONLINE_EXCLUSIONS = [...ONLINE_STATUTORY_EXCLUSIONS, ...ONLINE_CONFIRMABLE_EXCLUSIONS] as const;
export type OnlineExclusion = (typeof ONLINE_EXCLUSIONS)[number];

/** 消保法 第25条 + 《网络购买商品七日无理由退货暂行办法》, docs/domain-standards.md §2.1. */
export const Online7DayParamsSchema = z.object({
  returnDays: days(365),
  refundWithinDays: days(365),
  holidayMove: z.enum(HOLIDAY_MOVES),
});
export type Online7DayParams = z.infer<typeof Online7DayParamsSchema>;

/** Furniture (合同约定): exchange within the warranty, refund only with an approver. */
export const FurnitureParamsSchema = z.object({
  warrantyMonths: z.number().int().min(0).max(240),
  holidayMove: z.enum(HOLIDAY_MOVES),
});
export type FurnitureParams = z.infer<typeof FurnitureParamsSchema>;

/** Plain contract terms: free repair within the months, paid after. */
export const ContractParamsSchema = z.object({
  warrantyMonths: z.number().int().min(0).max(240),
  holidayMove: z.enum(HOLIDAY_MOVES),
});
export type ContractParams = z.infer<typeof ContractParamsSchema>;

export const POLICY_PARAM_SCHEMAS = {
  sanbao_1995: Sanbao1995ParamsSchema,
  auto_2021: Auto2021ParamsSchema,
  online_7day: Online7DayParamsSchema,
  furniture: FurnitureParamsSchema,
  contract: ContractParamsSchema,
} as const;

export interface PolicyParamsByKind {
  sanbao_1995: Sanbao1995Params;
  auto_2021: Auto2021Params;
  online_7day: Online7DayParams;
  furniture: FurnitureParams;
  contract: ContractParams;
}

/** The figures a new policy of each kind starts from (the rules' own numbers; edited per version). */
export const DEFAULT_POLICY_PARAMS: PolicyParamsByKind = {
  sanbao_1995: {
    unitWarrantyMonths: 12,
    mainPartsWarrantyMonths: 36,
    dailyRatePermille: 1,
    returnDays: 7,
    exchangeDays: 15,
    repairsBeforeExchange: 2,
    repairerDelayDays: 30,
    partsUnavailableDays: 90,
    postRepairGuaranteeDays: 30,
    performanceFaultCodes: [],
    holidayMove: 'statutory_holidays',
  },
  auto_2021: {
    threePackMonths: 24,
    threePackKm: 50_000,
    repairWarrantyMonths: 36,
    repairWarrantyKm: 60_000,
    majorPartDays: 60,
    majorPartKm: 3_000,
    swapDays: 7,
    safetyDays: 60,
    safetyKm: 3_000,
    cumulativeRepairDays: 30,
    sameProblemRepairs: 4,
    safetyRepairs: 2,
    replacementsBeforeExchange: 2,
    safetyFaultCodes: [],
    assemblyPartClasses: ['engine', 'gearbox', 'traction_battery', 'drive_motor'],
    mainComponentPartClasses: ['steering', 'brake', 'suspension', 'drivetrain', 'emission_control', 'body'],
    loanerAfterDays: 5,
    usageRatePercent: 0.5,
    holidayMove: 'statutory_holidays',
  },
  online_7day: { returnDays: 7, refundWithinDays: 7, holidayMove: 'none' },
  furniture: { warrantyMonths: 12, holidayMove: 'statutory_holidays' },
  contract: { warrantyMonths: 12, holidayMove: 'none' },
};

/** Parse a kind's parameters; throws a ZodError with paths under `params`. */
export function parsePolicyParams<K extends PolicyKind>(kind: K, params: unknown): PolicyParamsByKind[K] {
  return POLICY_PARAM_SCHEMAS[kind].parse(params) as PolicyParamsByKind[K];
}

export const POLICY_STATUSES = ['draft', 'published'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const WarrantyPolicySchema = z.object({
  id: IdSchema,
  /** Versions of one policy share this key (category + optional brand). */
  policyKey: z.string(),
  categoryCode: z.string(),
  brand: z.string().nullable(),
  version: z.number().int().positive(),
  kind: z.enum(POLICY_KINDS),
  nameZh: z.string(),
  nameEn: z.string(),
  params: z.record(z.string(), z.unknown()),
  status: z.enum(POLICY_STATUSES),
  effectiveFrom: BusinessDateSchema,
  effectiveTo: BusinessDateSchema.nullable(),
  used: z.boolean(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type WarrantyPolicy = z.infer<typeof WarrantyPolicySchema>;

const policyBody = {
  kind: z.enum(POLICY_KINDS),
  nameZh: storedText().min(1).max(100),
  nameEn: storedText().min(1).max(100),
  params: z.record(z.string(), z.unknown()),
  effectiveFrom: BusinessDateSchema,
  effectiveTo: BusinessDateSchema.nullable().default(null),
};

export const CreateWarrantyPolicySchema = z.object({
  categoryCode: storedText().min(1).max(64),
  brand: storedText().min(1).max(64).nullable().default(null),
  ...policyBody,
});
export type CreateWarrantyPolicy = z.infer<typeof CreateWarrantyPolicySchema>;

/** A new version of an existing policy (same category and brand); starts as a draft. */
export const NewWarrantyPolicyVersionSchema = z.object(policyBody);
export type NewWarrantyPolicyVersion = z.infer<typeof NewWarrantyPolicyVersionSchema>;

/** Edit a draft that nothing has used yet. */
export const UpdateWarrantyPolicySchema = z.object(policyBody);
export type UpdateWarrantyPolicy = z.infer<typeof UpdateWarrantyPolicySchema>;

export const WarrantyPolicyListSchema = z.object({ items: z.array(WarrantyPolicySchema) });

export const WarrantyEvaluationQuerySchema = z.object({
  asOf: BusinessDateSchema.optional(),
  /** `online`: the online 7-day no-reason return line instead of the category's 三包 policy. */
  line: z.enum(['sanbao', 'online']).optional(),
  performanceFault: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  /** Price paid in fen (refund depreciation, a car's usage fee). */
  priceFen: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  /** Cars: odometer reading in km. */
  mileageKm: z.coerce.number().int().min(0).max(10_000_000).optional(),
});

/** Every rule code the engine can emit; the web has a zh-CN and en-US sentence for each (a test checks). */
export const WARRANTY_RULE_CODES = [
  'start.invoice',
  'start.install_fallback',
  'start.exchange',
  'start.missing',
  'period.months',
  'period.month_end',
  'period.holiday_moved',
  'period.calendar_missing',
  'warranty.no_policy',
  'warranty.catalogue_terms',
  'auto.safety_repaired_twice',
  'auto.assembly_replaced_twice',
  'auto.component_replaced_twice',
  'warranty.start_unknown',
  'warranty.free_repair_applies',
  'warranty.paid_after_warranty',
  'sanbao.extended_by_repairs',
  'sanbao.return_7d',
  'sanbao.exchange_15d',
  'sanbao.repair_twice',
  'sanbao.not_performance_fault',
  'sanbao.return_window_passed',
  'sanbao.parts_unavailable',
  'sanbao.repairer_delay',
  'sanbao.out_of_warranty',
  'sanbao.exchange_conditions_unmet',
  'sanbao.unit_warranty',
  'sanbao.post_repair_guarantee',
  'sanbao.main_parts_warranty',
  'sanbao.main_parts_expired',
  'auto.start_delivery',
  'auto.period',
  'auto.km_reached',
  'auto.swap_7d',
  'auto.safety_60d',
  'auto.cumulative_repair_days',
  'auto.same_problem_repairs',
  'auto.three_pack_expired',
  'auto.exchange_conditions_unmet',
  'auto.major_part_60d',
  'auto.major_part_conditions_unmet',
  'auto.repair_warranty',
  'auto.repair_warranty_expired',
  'auto.loaner_car',
  'auto.loaner_not_due',
  'online.signed',
  'online.statutory_exclusion',
  'online.confirmed_exclusion',
  'online.not_intact',
  'online.window_passed',
  'online.no_reason_return',
  'furniture.exchange',
  'furniture.refund_with_approval',
  'contract.free_repair',
  'contract.expired',
] as const;
export type WarrantyRuleCode = (typeof WARRANTY_RULE_CODES)[number];

/** `GET /api/v1/work-orders/:id/warranty`: null when the order names no installed product. */
export const OrderWarrantySchema = z.object({ evaluation: WarrantyEvaluationSchema.nullable() });
export type OrderWarranty = z.infer<typeof OrderWarrantySchema>;

export const WarrantyPolicyListQuerySchema = z.object({ categoryCode: storedText().max(64).optional() });
