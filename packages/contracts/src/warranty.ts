import { z } from 'zod';
import { BusinessDateSchema, IdSchema } from './common.ts';

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
});
export type WarrantyEvaluation = z.infer<typeof WarrantyEvaluationSchema>;
