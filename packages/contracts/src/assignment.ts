import { z } from 'zod';
import { IsoInstantSchema, storedText } from './common.ts';

export const SuggestionQuerySchema = z.strictObject({
  start: IsoInstantSchema.optional(),
  end: IsoInstantSchema.optional(),
});
export type SuggestionQuery = z.infer<typeof SuggestionQuerySchema>;

/** Why a technician ranks where they do; the web translates `code` and fills in `params`. */
export const SuggestionReasonSchema = z.object({
  code: z.enum([
    'skill_level',
    'no_skill',
    'available',
    'unavailable',
    'no_window',
    'load',
    'distance',
    'distance_unknown',
    'inactive',
    'double_booked',
    /** The order's category certification (training): valid until, expired on, or none. */
    'certified',
    'cert_expired',
    'no_certification',
    /** A redo: this technician did the visit that did not hold, and is proposed first. */
    'previous_visit',
  ]),
  params: z.record(storedText(), z.union([storedText(), z.number()])).default({}),
});
export type SuggestionReason = z.infer<typeof SuggestionReasonSchema>;

export const TechnicianSuggestionSchema = z.object({
  technicianId: storedText(),
  name: storedText(),
  /** Skill level for the order's category (0: none). */
  skillLevel: z.number().int(),
  available: z.boolean(),
  /** Open orders with an appointment on the window's business day. */
  load: z.number().int(),
  distanceKm: z.number().nullable(),
  /** False when an assignment or appointment would be refused (reasons say why). */
  eligible: z.boolean(),
  score: z.number(),
  reasons: z.array(SuggestionReasonSchema),
});
export type TechnicianSuggestion = z.infer<typeof TechnicianSuggestionSchema>;

export const SuggestionListSchema = z.object({
  orderId: storedText(),
  categoryCode: storedText().nullable(),
  window: z.object({ start: storedText(), end: storedText() }).nullable(),
  items: z.array(TechnicianSuggestionSchema),
});
export type SuggestionList = z.infer<typeof SuggestionListSchema>;

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** The free-slot calendar of the assign dialog: the next days' visit slots per technician. */
export const TechnicianSlotsQuerySchema = z.strictObject({
  /** First business date shown (default: today in Beijing time). */
  from: DateSchema.optional(),
  days: z.coerce.number().int().min(1).max(14).default(5),
});
export type TechnicianSlotsQuery = z.infer<typeof TechnicianSlotsQuerySchema>;

export const SlotStateSchema = z.enum(['free', 'busy', 'off', 'past']);
export type SlotState = z.infer<typeof SlotStateSchema>;

export const TechnicianSlotsSchema = z.object({
  orderId: storedText(),
  dates: z.array(storedText()),
  /** The offered visit slots (setting workorders.visit_slots), HH:MM in Beijing time. */
  slots: z.array(z.object({ start: storedText(), end: storedText() })),
  technicians: z.array(
    z.object({
      technicianId: storedText(),
      name: storedText(),
      /** Holds the skill (and certification, where required) to take the order, whatever the slot. */
      qualified: z.boolean(),
      /** [date index][slot index]; `busy` names the order holding it. */
      cells: z.array(z.array(z.object({ state: SlotStateSchema, orderNo: storedText().nullable() }))),
      free: z.number().int(),
    }),
  ),
});
export type TechnicianSlots = z.infer<typeof TechnicianSlotsSchema>;

export const OutletTechnicianLoadSchema = z.object({
  technicianId: storedText(),
  name: storedText(),
  active: z.boolean(),
  today: z.number().int(),
  open: z.number().int(),
});

export const OutletFiguresSchema = z.object({
  outletId: storedText(),
  month: storedText(),
  ordersThisMonth: z.number().int(),
  offersThisMonth: z.number().int(),
  acceptedInTime: z.number().int(),
  /** Share of offers answered by acceptance within the offer's due time (null: no offers). */
  acceptedInTimePercent: z.number().nullable(),
  completedThisMonth: z.number().int(),
  open: z.number().int(),
  atRisk: z.number().int(),
  technicians: z.array(OutletTechnicianLoadSchema),
});
export type OutletFigures = z.infer<typeof OutletFiguresSchema>;

/** Business setting `assignment.policy`. */
export const CERTIFICATION_MODES = ['off', 'prefer', 'require'] as const;
export type CertificationMode = (typeof CERTIFICATION_MODES)[number];

export const AssignmentPolicySchema = z.strictObject({
  /** Working hours assumed (local time, minutes after midnight) when no shift data exists. */
  fallbackShiftStartMinute: z.number().int().min(0).max(1440),
  fallbackShiftEndMinute: z.number().int().min(0).max(1440),
  /** Minimum skill level for the order's category. */
  minSkillLevel: z.number().int().min(1).max(5),
  /** Score weights: per skill level, per open job that day, per km from the start location. */
  weightSkill: z.number().min(0).max(100),
  weightLoad: z.number().min(0).max(100),
  weightDistance: z.number().min(0).max(100),
  /**
   * How the technician's certification for the order's category counts: `off` not at all,
   * `prefer` a valid one adds `weightCertified` to the score, `require` only certified technicians
   * may take the order (a missing or expired one is refused on assignment).
   */
  certification: z.enum(CERTIFICATION_MODES).default('prefer'),
  weightCertified: z.number().min(0).max(100).default(5),
});
export type AssignmentPolicy = z.infer<typeof AssignmentPolicySchema>;
