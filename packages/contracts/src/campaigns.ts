import { z } from 'zod';
import { IdSchema, IsoInstantSchema, storedText } from './common.ts';

/**
 * Outbound campaigns (外呼活动 / 售后大回访, issue #18 item 5): a call list built once from filters
 * over the customer base, a script and a questionnaire, agents working the list attempt by
 * attempt, and opt-outs that keep a customer off every later list.
 */
export const CAMPAIGN_PURPOSES = ['follow_up', 'quarterly_review', 'warranty_expiry', 'new_product'] as const;
export type CampaignPurpose = (typeof CAMPAIGN_PURPOSES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'active', 'finished'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_OUTCOMES = [
  'reached',
  'no_answer',
  'busy',
  'wrong_number',
  'refused',
  'opted_out',
] as const;
export type CampaignOutcome = (typeof CAMPAIGN_OUTCOMES)[number];

/** A target waits (`pending`) until an outcome settles it; `skipped` = its customer opted out elsewhere. */
export const TARGET_STATUSES = [
  'pending',
  'reached',
  'refused',
  'wrong_number',
  'exhausted',
  'opted_out',
  'skipped',
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const CAMPAIGN_QUESTION_KINDS = ['choice', 'rating', 'text'] as const;
export type CampaignQuestionKind = (typeof CAMPAIGN_QUESTION_KINDS)[number];

export const CampaignQuestionSchema = z.strictObject({
  /** Stable within the campaign: answers are keyed by it. */
  id: storedText().trim().min(1).max(32),
  kind: z.enum(CAMPAIGN_QUESTION_KINDS),
  text: storedText().trim().min(1).max(300),
  /** The options of a single-choice question (2–10); empty for the others. */
  options: z.array(storedText().trim().min(1).max(100)).max(10).default([]),
  required: z.boolean().default(true),
});
export type CampaignQuestion = z.infer<typeof CampaignQuestionSchema>;

/** Who is on the list: every filter given must hold (all empty = every reachable customer). */
export const CampaignFiltersSchema = z.strictObject({
  /** A product bought (invoice date) within the last N days. */
  purchasedWithinDays: z.number().int().min(1).max(3650).nullable().default(null),
  /** A product whose whole-unit warranty ends within the next N days (today included). */
  warrantyEndingWithinDays: z.number().int().min(1).max(3650).nullable().default(null),
  /** No campaign contact for at least N days (never contacted counts). */
  noContactForDays: z.number().int().min(1).max(3650).nullable().default(null),
  /** A province, city or district code (`44`, `4401`, `440106`; `440000` and `440100` also read). */
  regionCode: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/)
    .nullable()
    .default(null),
});
export type CampaignFilters = z.infer<typeof CampaignFiltersSchema>;

/** The region code as a district-code prefix: `440000` → `44`, `440100` → `4401`. */
export const regionPrefixOf = (code: string): string => code.replace(/^(\d{2,4}?)(00)+$/, '$1');

export const CampaignInputSchema = z.strictObject({
  name: storedText().trim().min(1).max(100),
  purpose: z.enum(CAMPAIGN_PURPOSES),
  script: storedText().max(4000).default(''),
  questions: z.array(CampaignQuestionSchema).max(30).default([]),
  filters: CampaignFiltersSchema,
});
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export const CampaignUpdateSchema = CampaignInputSchema.extend({ version: z.number().int().min(1) });
export type CampaignUpdate = z.infer<typeof CampaignUpdateSchema>;

export const CampaignSchema = z.object({
  id: IdSchema,
  name: z.string(),
  purpose: z.enum(CAMPAIGN_PURPOSES),
  script: z.string(),
  questions: z.array(CampaignQuestionSchema),
  filters: CampaignFiltersSchema,
  status: z.enum(CAMPAIGN_STATUSES),
  builtAt: IsoInstantSchema.nullable(),
  createdAt: IsoInstantSchema,
  version: z.number().int(),
  /** Targets on the list, and how many of them are settled (not pending). */
  targets: z.number().int(),
  settled: z.number().int(),
  reached: z.number().int(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignStepSchema = z.strictObject({
  to: z.enum(CAMPAIGN_STATUSES),
  version: z.number().int().min(1),
});

export const CampaignPreviewSchema = z.object({ count: z.number().int() });
export const CampaignBuildResultSchema = z.object({ added: z.number().int(), targets: z.number().int() });

/** One answer: a choice's option index, a rating 1–5, or text. */
export const CampaignAnswerSchema = z.union([z.number().int(), storedText().max(2000)]);
export type CampaignAnswer = z.infer<typeof CampaignAnswerSchema>;

export const CallOutcomeInputSchema = z.strictObject({
  outcome: z.enum(CAMPAIGN_OUTCOMES),
  /** Keyed by question id; only with `reached`. */
  answers: z.record(z.string().max(32), CampaignAnswerSchema).default({}),
  note: storedText().max(1000).default(''),
  /** Why the customer opted out (with `opted_out`). */
  reason: storedText().max(300).default(''),
});
export type CallOutcomeInput = z.infer<typeof CallOutcomeInputSchema>;

/** The target card an agent calls from: the phone masked unless they may see it whole. */
export const CampaignTargetSchema = z.object({
  id: IdSchema,
  campaignId: IdSchema,
  customerId: IdSchema,
  customerName: z.string(),
  phone: z.string(),
  product: z.object({ id: IdSchema, serial: z.string(), categoryCode: z.string() }).nullable(),
  status: z.enum(TARGET_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: IsoInstantSchema,
});
export type CampaignTarget = z.infer<typeof CampaignTargetSchema>;

export const ClaimResultSchema = z.object({ target: CampaignTargetSchema.nullable() });

export const OptOutInputSchema = z.strictObject({ reason: storedText().trim().min(1).max(300) });
export const OptOutSchema = z.object({
  customerId: IdSchema,
  reason: z.string(),
  at: IsoInstantSchema,
  actorId: z.string().nullable(),
});
export type OptOut = z.infer<typeof OptOutSchema>;

/** Counts of one question's answers: per option / per rating 1–5, or how many wrote text. */
export const QuestionFiguresSchema = z.object({
  questionId: z.string(),
  kind: z.enum(CAMPAIGN_QUESTION_KINDS),
  answered: z.number().int(),
  /** Per option (choice) or per rating 1..5 (rating); empty for text. */
  counts: z.array(z.number().int()),
  average: z.number().nullable(),
});
export type QuestionFigures = z.infer<typeof QuestionFiguresSchema>;

export const CampaignFiguresSchema = z.object({
  targets: z.number().int(),
  attempted: z.number().int(),
  reached: z.number().int(),
  /** reached ÷ attempted targets; null before the first attempt. */
  reachRate: z.number().nullable(),
  completed: z.number().int(),
  optedOut: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  questions: z.array(QuestionFiguresSchema),
});
export type CampaignFigures = z.infer<typeof CampaignFiguresSchema>;

/** Settings of outbound campaigns (`campaigns.policy`). */
export const CampaignPolicySchema = z.strictObject({
  /** Attempts (no answer / busy) before a target is given up. */
  maxAttempts: z.number().int().min(1).max(20),
  /** Minutes before a target that was not answered comes back to the queue. */
  retryGapMinutes: z.number().int().min(1).max(10_080),
  /** Minutes an agent holds a claimed target before another agent may take it. */
  claimMinutes: z.number().int().min(1).max(480),
});
export type CampaignPolicy = z.infer<typeof CampaignPolicySchema>;
export const DEFAULT_CAMPAIGN_POLICY: CampaignPolicy = {
  maxAttempts: 3,
  retryGapMinutes: 120,
  claimMinutes: 15,
};
