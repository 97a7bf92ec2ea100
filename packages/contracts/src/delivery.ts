import { z } from 'zod';
import { BusinessDateSchema, IdSchema, storedText } from './common.ts';

/**
 * Delivery and installation of sales contracts (送货安装, issue #16, seed 001): a booking agreed with
 * the customer within N working days of the contract's batch day, crews planned per day with the
 * route optimiser, the crew's checklist, photos and the customer's signature on the phone,
 * exceptions at the door (follow-up visit or RMA), the voucher back at the service department, the
 * installation callback, and the delivery figures against their targets.
 */

export const DELIVERY_STATUSES = [
  'booked',
  'departed',
  'delivered',
  'exception',
  'handed_to_rma',
  'voucher_returned',
  'closed',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_ACTIONS = [
  'depart',
  'deliver',
  'report_exception',
  'follow_up',
  'hand_to_rma',
  'return_voucher',
  'record_callback',
] as const;
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number];

export type DeliveryPermission = 'delivery:work' | 'delivery:book' | 'delivery:manage';
export interface DeliveryRule {
  action: DeliveryAction;
  from: readonly DeliveryStatus[];
  to: DeliveryStatus;
  permission: DeliveryPermission;
}

/**
 * The delivery state machine as one table. The crew departs (called ahead, inspected before
 * loading) and either delivers with the customer's signature or reports an exception at the door;
 * the center then books a follow-up visit or hands the goods to the RMA flow. The signed voucher
 * comes back to the service department, and the installation callback closes the delivery.
 */
export const DELIVERY_RULES: readonly DeliveryRule[] = [
  { action: 'depart', from: ['booked'], to: 'departed', permission: 'delivery:work' },
  { action: 'deliver', from: ['departed'], to: 'delivered', permission: 'delivery:work' },
  { action: 'report_exception', from: ['departed'], to: 'exception', permission: 'delivery:work' },
  { action: 'follow_up', from: ['exception'], to: 'booked', permission: 'delivery:book' },
  { action: 'hand_to_rma', from: ['exception'], to: 'handed_to_rma', permission: 'delivery:book' },
  { action: 'return_voucher', from: ['delivered'], to: 'voucher_returned', permission: 'delivery:manage' },
  { action: 'record_callback', from: ['voucher_returned'], to: 'closed', permission: 'delivery:manage' },
];
export const deliveryActionsFrom = (status: DeliveryStatus): DeliveryAction[] =>
  DELIVERY_RULES.filter((r) => r.from.includes(status)).map((r) => r.action);

/** Who agreed the date with the customer. */
export const AGREED_BY = ['salesperson', 'center'] as const;
export type AgreedBy = (typeof AGREED_BY)[number];

/** What can go wrong at the door. */
export const DELIVERY_EXCEPTIONS = ['does_not_fit', 'damaged', 'wrong_colour', 'other'] as const;
export type DeliveryException = (typeof DELIVERY_EXCEPTIONS)[number];

/** The seed's checklist, in the order the crew works through it. */
export const DEPART_CHECKLIST = ['calledAhead', 'inspectedBeforeLoading'] as const;
export const DELIVER_CHECKLIST = ['shoeCovers', 'assembledOnPackaging', 'cleanedUp'] as const;
export type ChecklistItem = (typeof DEPART_CHECKLIST)[number] | (typeof DELIVER_CHECKLIST)[number];

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const Version = z.number().int().min(1);
const Percent = z.number().min(0).max(100);

export const DeliverySlotSchema = z.strictObject({ start: Hhmm, end: Hhmm });
export type DeliverySlot = z.infer<typeof DeliverySlotSchema>;

export const DeliveryPolicySchema = z.strictObject({
  /** A delivery is booked within this many working days after the contract's batch day. */
  bookingWorkingDays: z.number().int().min(1).max(30),
  /** The time windows offered to the customer. */
  slots: z.array(DeliverySlotSchema).min(1).max(8),
  /** Minutes a crew spends at one address (route planning). */
  visitMinutes: z.number().int().min(10).max(480),
  /** A crew's working day (route planning). */
  crewShift: DeliverySlotSchema,
  /** A delivery problem counts as solved in time within this many hours. */
  problemResolutionHours: z.number().int().min(1).max(720),
  /** Photos a crew may add to one delivery (loading, the room, the finished installation). */
  maxPhotos: z.number().int().min(1).max(50),
  /** A callback score (1–5) at or above this counts as satisfied. */
  satisfiedFrom: z.number().int().min(1).max(5),
  targets: z.strictObject({
    onTimePercent: Percent,
    intactPercent: Percent,
    problemsSolvedPercent: Percent,
    satisfactionPercent: Percent,
  }),
});
export type DeliveryPolicy = z.infer<typeof DeliveryPolicySchema>;
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  bookingWorkingDays: 3,
  slots: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
    { start: '17:00', end: '20:00' },
  ],
  visitMinutes: 90,
  crewShift: { start: '08:00', end: '20:00' },
  problemResolutionHours: 48,
  maxPhotos: 12,
  satisfiedFrom: 4,
  targets: { onTimePercent: 90, intactPercent: 100, problemsSolvedPercent: 100, satisfactionPercent: 90 },
};

export const CreateCrewSchema = z.strictObject({
  name: storedText().trim().min(1).max(40),
  leaderTechnicianId: IdSchema,
  memberTechnicianIds: z.array(IdSchema).max(6).default([]),
});
export type CreateCrew = z.infer<typeof CreateCrewSchema>;

export const CrewSchema = z.object({
  id: z.string(),
  name: z.string(),
  outletId: z.string().nullable(),
  leaderTechnicianId: z.string(),
  leaderName: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  active: z.boolean(),
});
export type Crew = z.infer<typeof CrewSchema>;

export const BookDeliverySchema = z.strictObject({
  contractId: IdSchema,
  date: BusinessDateSchema,
  slot: DeliverySlotSchema,
  agreedBy: z.enum(AGREED_BY),
  crewId: IdSchema.nullable().default(null),
  /** The address's coordinates when known (route planning places the others approximately). */
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
  note: storedText().trim().max(300).nullable().default(null),
});
export type BookDelivery = z.input<typeof BookDeliverySchema>;

const Signature = storedText()
  .max(400_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'PNG data URL');

export const DeliveryStepSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('depart'),
    version: Version,
    calledAhead: z.boolean(),
    inspectedBeforeLoading: z.boolean(),
  }),
  z.strictObject({
    action: z.literal('deliver'),
    version: Version,
    shoeCovers: z.boolean(),
    assembledOnPackaging: z.boolean(),
    cleanedUp: z.boolean(),
    goodsIntact: z.boolean(),
    signedBy: storedText().trim().min(1).max(40),
    signature: Signature,
    /** One serial per line that is installed (it becomes an installed product). */
    serials: z
      .array(
        z.strictObject({
          lineId: IdSchema,
          serial: storedText()
            .trim()
            .min(3)
            .max(64)
            .regex(/^[A-Za-z0-9_./-]+$/, 'letters, digits and _ . / - only'),
        }),
      )
      .max(50)
      .default([]),
  }),
  z.strictObject({
    action: z.literal('report_exception'),
    version: Version,
    kind: z.enum(DELIVERY_EXCEPTIONS),
    note: storedText().trim().min(1).max(500),
  }),
  z.strictObject({
    action: z.literal('follow_up'),
    version: Version,
    date: BusinessDateSchema,
    slot: DeliverySlotSchema,
    crewId: IdSchema.nullable().default(null),
  }),
  z.strictObject({
    action: z.literal('hand_to_rma'),
    version: Version,
    kind: z.enum(['exchange', 'return']),
    lineId: IdSchema,
    serial: storedText()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[A-Za-z0-9_./-]+$/, 'letters, digits and _ . / - only'),
  }),
  z.strictObject({ action: z.literal('return_voucher'), version: Version }),
  z.strictObject({
    action: z.literal('record_callback'),
    version: Version,
    satisfaction: z.number().int().min(1).max(5),
    note: storedText().trim().max(500).nullable().default(null),
  }),
]);
export type DeliveryStep = z.input<typeof DeliveryStepSchema>;

export const DeliveryLineSchema = z.object({
  lineId: z.string(),
  model: z.string(),
  productName: z.string(),
  quantity: z.number(),
  needsInstallation: z.boolean(),
});

export const DeliveryBookingSchema = z.object({
  id: z.string(),
  number: z.string(),
  contractId: z.string(),
  contractNo: z.string(),
  storeOutletId: z.string().nullable(),
  storeName: z.string().nullable(),
  salesperson: z.string(),
  customerName: z.string(),
  phone: z.string(),
  regionCode: z.string(),
  address: z.string(),
  specialRequests: z.string().nullable(),
  lines: z.array(DeliveryLineSchema),
  batchDate: z.string(),
  latestDate: z.string(),
  promisedDate: z.string(),
  date: z.string(),
  slot: DeliverySlotSchema,
  agreedBy: z.enum(AGREED_BY),
  crewId: z.string().nullable(),
  crewName: z.string().nullable(),
  routeSeq: z.number().nullable(),
  plannedStart: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  actions: z.array(z.enum(DELIVERY_ACTIONS)),
  checklist: z.record(z.string(), z.boolean()),
  goodsIntact: z.boolean().nullable(),
  signedBy: z.string().nullable(),
  hasSignature: z.boolean(),
  deliveredAt: z.string().nullable(),
  exceptionKind: z.enum(DELIVERY_EXCEPTIONS).nullable(),
  exceptionNote: z.string().nullable(),
  problemOpenedAt: z.string().nullable(),
  problemSolvedAt: z.string().nullable(),
  rmaCaseId: z.string().nullable(),
  installedProductIds: z.array(z.string()),
  voucherReturnedAt: z.string().nullable(),
  satisfaction: z.number().nullable(),
  callbackNote: z.string().nullable(),
  photos: z.array(z.object({ id: z.string(), filename: z.string(), createdAt: z.string() })),
  version: z.number(),
});
export type DeliveryBooking = z.infer<typeof DeliveryBookingSchema>;

/** Delivery day latest first (the default) or earliest first; within a day by booking. */
export const DELIVERY_SORTS = ['-date', 'date'] as const;
export type DeliverySort = (typeof DELIVERY_SORTS)[number];

export const DeliveryQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  date: BusinessDateSchema.optional(),
  crewId: IdSchema.optional(),
  storeOutletId: IdSchema.optional(),
  /** Booking number (prefix), or contract number, customer name or phone (contains). */
  q: storedText().trim().min(2).max(32).optional(),
  sort: z.enum(DELIVERY_SORTS).default('-date'),
  /** Opaque keyset cursor from the previous page's `nextCursor` (only valid for the same sort). */
  cursor: storedText().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type DeliveryQuery = z.infer<typeof DeliveryQuerySchema>;
export const DeliveryListSchema = z.object({
  items: z.array(DeliveryBookingSchema),
  nextCursor: z.string().nullable(),
});

export const PlanDaySchema = z.strictObject({ date: BusinessDateSchema });
export const DayPlanSchema = z.object({
  date: z.string(),
  routes: z.array(
    z.object({
      crewId: z.string(),
      crewName: z.string(),
      stops: z.array(
        z.object({ bookingId: z.string(), number: z.string(), start: z.string(), approximate: z.boolean() }),
      ),
    }),
  ),
  unplanned: z.array(z.object({ bookingId: z.string(), number: z.string(), reason: z.string() })),
});
export type DayPlan = z.infer<typeof DayPlanSchema>;

export const FIGURE_GROUPS = ['store', 'crew'] as const;
export const FiguresQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  by: z.enum(FIGURE_GROUPS).default('store'),
});
const FigureRow = z.object({
  key: z.string(),
  name: z.string(),
  deliveries: z.number(),
  onTime: z.number(),
  intact: z.number(),
  problems: z.number(),
  problemsSolved: z.number(),
  callbacks: z.number(),
  satisfied: z.number(),
  onTimePercent: z.number().nullable(),
  intactPercent: z.number().nullable(),
  problemsSolvedPercent: z.number().nullable(),
  satisfactionPercent: z.number().nullable(),
});
export type DeliveryFigureRow = z.infer<typeof FigureRow>;
export const DeliveryFiguresSchema = z.object({
  month: z.string(),
  by: z.enum(FIGURE_GROUPS),
  targets: DeliveryPolicySchema.shape.targets,
  total: FigureRow,
  rows: z.array(FigureRow),
});
export type DeliveryFigures = z.infer<typeof DeliveryFiguresSchema>;
