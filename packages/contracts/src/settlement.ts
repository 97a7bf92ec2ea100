import { z } from 'zod';
import { ORDER_CLASSES } from './callbacks.ts';
import { IdSchema, IsoInstantSchema, storedText } from './common.ts';

/**
 * Settlement (结算, issue #7 part 5): the fee schedule, monthly statements per outlet and appeals.
 * Money is integer fen everywhere; the web divides by 100 only to display yuan.
 */

export const SETTLEMENT_ORDER_TYPES = [
  'install',
  'repair',
  'maintenance',
  'consult',
  'complaint',
  'return',
] as const;
export const SETTLEMENT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type SettlementGrade = (typeof SETTLEMENT_GRADES)[number];

const Fen = z.number().int().min(0).max(100_000_000);
const RegionCode = storedText().regex(/^\d{6}$/, 'a 6-digit region code');

/** Classes that can carry a deduction (satisfied carries the bonus instead). */
export const DEDUCTIBLE_CLASSES = [
  'callback_unsatisfied',
  'complaint_call',
  'first_fix_failed',
  'repeat_failed',
  'attitude',
] as const;
export type DeductibleClass = (typeof DEDUCTIBLE_CLASSES)[number];

export const FeeScheduleSchema = z
  .strictObject({
    /** Base fee per order type × product category; categoryCode '*' is the type's fallback. */
    baseFees: z
      .array(
        z.strictObject({
          orderType: z.enum(SETTLEMENT_ORDER_TYPES),
          categoryCode: storedText().min(1).max(32),
          feeFen: Fen,
        }),
      )
      .max(500),
    /**
     * Distance bands on the straight-line (haversine) distance outlet → customer: the first band
     * whose `upToKm` is at or above the distance applies; `upToKm: null` is open-ended (last only).
     */
    distanceBands: z
      .array(z.strictObject({ upToKm: z.number().positive().max(10_000).nullable(), surchargeFen: Fen }))
      .max(20),
    /** Province (xx0000), city (xxxx00) or district codes whose orders earn the remote surcharge. */
    remoteRegionCodes: z.array(RegionCode).max(2000),
    remoteSurchargeFen: Fen,
    /**
     * Paid per unit of each 旧件 warranty claim that passed inspection at HQ (its own `part_claim`
     * fee line, in the month it passed; no grade coefficient). Free-text parts on visits pay nothing.
     */
    partsPerLineFen: Fen,
    /** Multiplies the service fee (base + surcharges), not the parts; read to 3 decimals. */
    gradeCoefficients: z.strictObject({
      A: z.number().min(0).max(5),
      B: z.number().min(0).max(5),
      C: z.number().min(0).max(5),
      D: z.number().min(0).max(5),
    }),
    /** Deduction per order class (0: none). */
    classDeductionFen: z.strictObject({
      callback_unsatisfied: Fen,
      complaint_call: Fen,
      first_fix_failed: Fen,
      repeat_failed: Fen,
      attitude: Fen,
    }),
    /** Deduction per complaint whose investigation names the outlet responsible. */
    complaintDeductionFen: Fen,
    /** Bonus per order classified satisfied (满意回访). */
    satisfiedBonusFen: Fen,
    /**
     * Business date (Asia/Shanghai) from which classes and complaint findings are settled; earlier
     * ones never become deductions or bonuses, so an installation's first statements do not sweep
     * its history. Absent or null: from the month of each statement only.
     */
    settlementStartDate: storedText()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
      .nullable()
      .optional(),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.baseFees.forEach((f, i) => {
      const k = `${f.orderType}|${f.categoryCode}`;
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', path: ['baseFees', i], message: 'duplicate order type × category' });
      seen.add(k);
    });
    let prev = 0;
    s.distanceBands.forEach((b, i) => {
      if (b.upToKm === null && i !== s.distanceBands.length - 1)
        ctx.addIssue({
          code: 'custom',
          path: ['distanceBands', i, 'upToKm'],
          message: 'only the last band is open',
        });
      if (b.upToKm !== null && b.upToKm <= prev)
        ctx.addIssue({
          code: 'custom',
          path: ['distanceBands', i, 'upToKm'],
          message: 'bands must increase',
        });
      if (b.upToKm !== null) prev = b.upToKm;
    });
  });
export type FeeSchedule = z.infer<typeof FeeScheduleSchema>;

export const FeeScheduleViewSchema = z.object({ schedule: FeeScheduleSchema, version: z.number().int() });
export const PutFeeScheduleSchema = z.strictObject({
  schedule: z.unknown(),
  version: z.number().int().min(0),
});

export const STATEMENT_STATUSES = ['draft', 'confirmed', 'disputed', 'approved', 'paid'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const LINE_KINDS = ['fee', 'deduction', 'bonus', 'adjustment', 'reversal', 'credit'] as const;
export type StatementLineKind = (typeof LINE_KINDS)[number];

export const SettlementMonthSchema = storedText().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** How a fee line was computed, spelled out (stored as JSON on the line). */
export const FeeRuleSchema = z.object({
  orderType: storedText(),
  categoryCode: storedText().nullable(),
  base: z.object({ feeFen: z.number().int(), matched: storedText().nullable() }),
  distance: z.object({
    km: z.number().nullable(),
    band: z.number().int().nullable(),
    upToKm: z.number().nullable(),
    surchargeFen: z.number().int(),
  }),
  remote: z.object({ regionCode: storedText().nullable(), surchargeFen: z.number().int() }),
  serviceFen: z.number().int(),
  grade: z.enum(SETTLEMENT_GRADES),
  gradeSource: z.enum(['scorecard', 'outlet']),
  coefficient: z.number(),
  coefficientPermille: z.number().int(),
  /** Only on fee lines generated before parts were paid through claims (issue #15). */
  parts: z
    .object({ lines: z.number().int(), perLineFen: z.number().int(), amountFen: z.number().int() })
    .optional(),
  rounding: z.literal('half_up_per_line'),
});
export type FeeRule = z.infer<typeof FeeRuleSchema>;

export const StatementLineSchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  kind: z.enum(LINE_KINDS),
  /** Stable identity of a generated line (fee:<orderId>, class:<orderId>:<class>, complaint:<id>, …). */
  lineKey: storedText().nullable(),
  /** For adjustments and reversals: the key of the line they correct. */
  targetKey: storedText().nullable(),
  orderId: storedText().nullable(),
  orderNumber: storedText().nullable(),
  classification: storedText().nullable(),
  complaintId: storedText().nullable(),
  appealId: storedText().nullable(),
  description: storedText(),
  rule: z.record(storedText(), z.unknown()),
  amountFen: z.number().int(),
  disputed: z.boolean(),
  disputeComment: storedText().nullable(),
  reason: storedText().nullable(),
  createdAt: IsoInstantSchema,
});
export type StatementLine = z.infer<typeof StatementLineSchema>;

export const StatementSummarySchema = z.object({
  id: IdSchema,
  number: storedText(),
  outlet: z.object({ id: storedText(), code: storedText(), name: storedText() }),
  month: SettlementMonthSchema,
  status: z.enum(STATEMENT_STATUSES),
  feeFen: z.number().int(),
  deductionFen: z.number().int(),
  bonusFen: z.number().int(),
  adjustmentFen: z.number().int(),
  totalFen: z.number().int(),
  orderCount: z.number().int(),
  disputedCount: z.number().int(),
  generatedAt: IsoInstantSchema,
  paymentReference: storedText().nullable(),
  version: z.number().int(),
});
export type StatementSummary = z.infer<typeof StatementSummarySchema>;

export const StatementDetailSchema = StatementSummarySchema.extend({
  grade: z.enum(SETTLEMENT_GRADES),
  coefficient: z.number(),
  scheduleVersion: z.number().int(),
  lines: z.array(StatementLineSchema),
  /** Statuses the viewer may move the statement to now. */
  allowed: z.array(z.enum(STATEMENT_STATUSES)),
  canAdjust: z.boolean(),
  history: z.array(
    z.object({
      at: storedText(),
      type: storedText(),
      actorId: storedText().nullable(),
      from: storedText().nullable(),
      to: storedText().nullable(),
      reason: storedText().nullable(),
      data: z.record(storedText(), z.unknown()),
    }),
  ),
});
export type StatementDetail = z.infer<typeof StatementDetailSchema>;

/** Month latest first (the default) or earliest first, or total payable largest/smallest first. */
export const STATEMENT_SORTS = ['-month', 'month', '-total', 'total'] as const;
export type StatementSort = (typeof STATEMENT_SORTS)[number];

export const StatementListQuerySchema = z.object({
  month: SettlementMonthSchema.optional(),
  outletId: IdSchema.optional(),
  status: z.enum(STATEMENT_STATUSES).optional(),
  /** Statement number or outlet code (prefix), or outlet name (part). */
  q: storedText().trim().min(1).max(64).optional(),
  sort: z.enum(STATEMENT_SORTS).default('-month'),
  /** Opaque keyset position from the previous page's `nextCursor` (belongs to one sort). */
  cursor: storedText().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type StatementListQuery = z.infer<typeof StatementListQuerySchema>;
export const StatementListSchema = z.object({
  items: z.array(StatementSummarySchema),
  nextCursor: z.string().nullable(),
});

export const GenerateStatementsSchema = z.strictObject({
  month: SettlementMonthSchema,
  outletId: IdSchema.optional(),
});
export const GenerateResultSchema = z.object({
  month: SettlementMonthSchema,
  generated: z.array(StatementSummarySchema),
  /** Outlets whose statement is past draft and was left as it is. */
  skipped: z.array(z.object({ outletId: storedText(), statementId: storedText(), status: storedText() })),
});
export type GenerateResult = z.infer<typeof GenerateResultSchema>;

const Comment = storedText().trim().min(1).max(2000);

/** The outlet's answer: confirm, or dispute one or more lines, each with a comment. */
export const RespondStatementSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('confirm'), version: z.number().int().min(1) }),
  z.strictObject({
    action: z.literal('dispute'),
    version: z.number().int().min(1),
    lines: z
      .array(z.strictObject({ lineId: IdSchema, comment: Comment }))
      .min(1)
      .max(500),
  }),
]);
export type RespondStatement = z.infer<typeof RespondStatementSchema>;

/** Finance sets a line's effective amount; the difference is a new adjustment line with the reason. */
export const AdjustLineSchema = z.strictObject({
  version: z.number().int().min(1),
  lineId: IdSchema,
  newAmountFen: z.number().int().min(-100_000_000).max(100_000_000),
  reason: Comment,
});
export type AdjustLine = z.infer<typeof AdjustLineSchema>;

export const StatementTransitionSchema = z.strictObject({
  version: z.number().int().min(1),
  to: z.enum(STATEMENT_STATUSES),
  paymentReference: storedText().trim().min(1).max(100).optional(),
  reason: storedText().trim().max(2000).optional(),
});
export type StatementTransition = z.infer<typeof StatementTransitionSchema>;

// ---------- appeals ----------
export const APPEAL_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_SUBJECTS = ['classification', 'complaint', 'line'] as const;
export type AppealSubject = (typeof APPEAL_SUBJECTS)[number];

export const CreateAppealSchema = z
  .strictObject({
    orderId: IdSchema,
    /** Exactly one of class / complaintId / lineId names what is appealed. */
    class: z.enum(ORDER_CLASSES).optional(),
    complaintId: IdSchema.optional(),
    lineId: IdSchema.optional(),
    reason: Comment,
    evidenceText: storedText().trim().max(4000).optional(),
    /** Attachments uploaded to the order (POST /api/v1/work-orders/:id/attachments). */
    attachmentIds: z.array(IdSchema).max(20).default([]),
  })
  .refine((a) => [a.class, a.complaintId, a.lineId].filter((x) => x !== undefined).length === 1, {
    message: 'name exactly one of class, complaintId, lineId',
    path: ['class'],
  });
export type CreateAppeal = z.input<typeof CreateAppealSchema>;

export const DecideAppealSchema = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['upheld', 'rejected']),
  reason: Comment,
});
export type DecideAppeal = z.infer<typeof DecideAppealSchema>;

export const AppealSchema = z.object({
  id: IdSchema,
  orderId: storedText(),
  orderNumber: storedText(),
  outlet: z.object({ id: storedText(), name: storedText() }).nullable(),
  subject: z.enum(APPEAL_SUBJECTS),
  class: storedText().nullable(),
  complaintId: storedText().nullable(),
  lineId: storedText().nullable(),
  reason: storedText(),
  evidenceText: storedText().nullable(),
  attachmentIds: z.array(storedText()),
  status: z.enum(APPEAL_STATUSES),
  decisionReason: storedText().nullable(),
  decidedAt: IsoInstantSchema.nullable(),
  /** What an upheld decision restored, in fen, and where. */
  restoredFen: z.number().int(),
  createdBy: storedText().nullable(),
  createdAt: IsoInstantSchema,
  version: z.number().int(),
});
export type Appeal = z.infer<typeof AppealSchema>;

export const AppealListQuerySchema = z.object({
  status: z.enum([...APPEAL_STATUSES, 'all']).default('open'),
  orderId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const AppealListSchema = z.object({ items: z.array(AppealSchema) });
