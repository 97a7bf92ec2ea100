import { z } from 'zod';
import { IdSchema, storedText } from './common.ts';
import { OUTLET_GRADES } from './network.ts';
import { SLA_STATES, URGENCIES, WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from './workorders.ts';

/** How orders of a region reach outlets: a dispatcher picks, the system offers the top, or outlets claim. */
export const DISPATCH_MODES = ['manual', 'auto', 'pool'] as const;
export type DispatchMode = (typeof DISPATCH_MODES)[number];

export const OFFER_STATUSES = ['pending', 'accepted', 'rejected', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Why an outlet declines an offer; `other` needs a note. */
export const OFFER_REJECT_REASONS = [
  'out_of_area',
  'no_capacity',
  'no_skill',
  'no_technician_available',
  'customer_unreachable',
  'other',
] as const;
export type OfferRejectReason = (typeof OFFER_REJECT_REASONS)[number];

/** Why an outlet cannot take an order (the ranking greys it out with these). */
export const RANK_EXCLUSIONS = [
  'region_not_covered',
  'category_not_served',
  'suspended',
  'rejected_before',
  'expired_before',
] as const;
export type RankExclusion = (typeof RANK_EXCLUSIONS)[number];

/** Facts behind a candidate's place, each with its number; the web translates the codes. */
export const RANK_REASONS = [
  'covers_region',
  'serves_category',
  'grade',
  'load',
  'over_capacity',
  'distance_km',
  'no_coordinates',
  ...RANK_EXCLUSIONS,
] as const;
export type RankReasonCode = (typeof RANK_REASONS)[number];

export const RankReasonSchema = z.object({
  code: z.enum(RANK_REASONS),
  value: z.union([storedText(), z.number()]).nullable(),
});
export type RankReason = z.infer<typeof RankReasonSchema>;

export const RankedOutletSchema = z.object({
  outletId: IdSchema,
  code: storedText(),
  name: storedText(),
  grade: z.enum(OUTLET_GRADES),
  status: z.enum(['active', 'suspended']),
  eligible: z.boolean(),
  /** 1-based place among the eligible; null when excluded. */
  rank: z.number().int().nullable(),
  open: z.number().int(),
  capacity: z.number().int(),
  /** open ÷ capacity as a percentage (rounded). */
  loadPercent: z.number().int(),
  distanceKm: z.number().nullable(),
  exclusions: z.array(z.enum(RANK_EXCLUSIONS)),
  reasons: z.array(RankReasonSchema),
});
export type RankedOutlet = z.infer<typeof RankedOutletSchema>;

export const DispatchOrderSchema = z.object({
  id: IdSchema,
  number: storedText(),
  type: z.enum(WORK_ORDER_TYPES),
  status: z.enum(WORK_ORDER_STATUSES),
  urgency: z.enum(URGENCIES),
  categoryCode: storedText().nullable(),
  districtCode: storedText().nullable(),
  customerName: storedText().nullable(),
  slaState: z.enum(SLA_STATES),
  slaDueAt: storedText().nullable(),
  outletId: storedText().nullable(),
  createdAt: storedText(),
  version: z.number().int(),
});
export type DispatchOrder = z.infer<typeof DispatchOrderSchema>;

export const RankingResponseSchema = z.object({
  order: DispatchOrderSchema,
  mode: z.enum(DISPATCH_MODES),
  candidates: z.array(RankedOutletSchema),
});
export type RankingResponse = z.infer<typeof RankingResponseSchema>;

export const OfferOutletSchema = z.object({ id: IdSchema, code: storedText(), name: storedText() });

export const OfferSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  outlet: OfferOutletSchema,
  mode: z.enum(DISPATCH_MODES),
  status: z.enum(OFFER_STATUSES),
  offeredAt: storedText(),
  dueAt: storedText(),
  respondedAt: storedText().nullable(),
  reasonCode: z.enum(OFFER_REJECT_REASONS).nullable(),
  note: storedText().nullable(),
  order: DispatchOrderSchema.nullable(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const OfferListQuerySchema = z.strictObject({
  status: z.enum(OFFER_STATUSES).default('pending'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const OfferListSchema = z.object({ items: z.array(OfferSchema) });

export const DispatchRequestSchema = z.strictObject({
  outletId: IdSchema,
  version: z.number().int().min(1),
});
export type DispatchRequest = z.infer<typeof DispatchRequestSchema>;

export const AcceptOfferSchema = z.strictObject({ version: z.number().int().min(1).optional() });

export const RejectOfferSchema = z.strictObject({
  reasonCode: z.enum(OFFER_REJECT_REASONS),
  note: storedText().trim().min(1).max(500).optional(),
  version: z.number().int().min(1).optional(),
});
export type RejectOffer = z.infer<typeof RejectOfferSchema>;

export const ClaimRequestSchema = z.strictObject({ version: z.number().int().min(1) });

export const BulkDispatchSchema = z.strictObject({
  items: z
    .array(z.strictObject({ orderId: IdSchema, version: z.number().int().min(1) }))
    .min(1)
    .max(100),
});
export const BulkDispatchResultSchema = z.object({
  results: z.array(
    z.object({
      orderId: IdSchema,
      ok: z.boolean(),
      outletId: storedText().nullable(),
      /** An error code (`resource.version_conflict`) or `no_eligible_outlet`. */
      error: storedText().nullable(),
    }),
  ),
});
export type BulkDispatchResult = z.infer<typeof BulkDispatchResultSchema>;

export const DispatchPolicySchema = z.strictObject({
  /** An outlet must accept within this many business minutes. */
  acceptanceMinutes: z.number().int().min(1).max(14_400),
  defaultMode: z.enum(DISPATCH_MODES),
  /** Region code (province, city or district) → mode; the most specific code wins. */
  regionModes: z.record(storedText().regex(/^\d{2}(\d{2}(\d{2})?)?$/), z.enum(DISPATCH_MODES)),
  /**
   * A redo (返修 after an unsatisfied callback) or a reopen goes straight back to the outlet of the
   * visit that did not hold, and its technician is proposed first; off: it waits in 待派单 like a
   * new order.
   */
  redoToSameOutlet: z.boolean().default(true),
  /** Region code → on/off for the rule above; the most specific code wins (none: the rule above). */
  redoToSameOutletRegions: z.record(storedText().regex(/^\d{2}(\d{2}(\d{2})?)?$/), z.boolean()).default({}),
});
export type DispatchPolicy = z.infer<typeof DispatchPolicySchema>;

export const DispatchPolicyResponseSchema = z.object({ value: DispatchPolicySchema, version: z.number() });
export const PutDispatchPolicySchema = z.strictObject({
  value: DispatchPolicySchema,
  version: z.number().int().min(0),
});

export const BoardQuerySchema = z.strictObject({
  regionCode: storedText()
    .regex(/^\d{2,6}$/)
    .optional(),
  categoryCode: storedText().max(32).optional(),
  urgency: z.enum(URGENCIES).optional(),
  /** Order number (prefix), customer or contact name, or address (contains). */
  q: storedText().trim().min(2).max(32).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

export const OutletLoadSchema = z.object({
  id: IdSchema,
  code: storedText(),
  name: storedText(),
  grade: z.enum(OUTLET_GRADES),
  status: z.enum(['active', 'suspended']),
  cityCode: storedText(),
  open: z.number().int(),
  capacity: z.number().int(),
  loadPercent: z.number().int(),
  pendingOffers: z.number().int(),
});
export type OutletLoad = z.infer<typeof OutletLoadSchema>;

/**
 * Why a redo or reopen was not sent back to the outlet and technician of the visit that did not
 * hold (it waits in 待派单 for the dispatcher instead).
 */
export const REDO_HOLD_REASONS = [
  'outlet_not_found',
  'outlet_suspended',
  'outlet_not_covering',
  'technician_inactive',
  'technician_moved',
  'technician_unskilled',
  'technician_uncertified',
] as const;
export type RedoHoldReason = (typeof REDO_HOLD_REASONS)[number];

export const BoardItemSchema = DispatchOrderSchema.extend({
  mode: z.enum(DISPATCH_MODES),
  /** A redo that could not go back to its outlet and technician automatically: why, and when. */
  redoHold: z.object({ reason: z.enum(REDO_HOLD_REASONS), at: storedText() }).nullable(),
  pendingOffer: z
    .object({ id: IdSchema, outletId: IdSchema, outletName: storedText(), dueAt: storedText() })
    .nullable(),
});
export type BoardItem = z.infer<typeof BoardItemSchema>;

export const BoardResponseSchema = z.object({
  now: storedText(),
  queue: z.array(BoardItemSchema),
  /** How many orders match the filters; more than `queue` holds when the page stopped at `limit`. */
  total: z.number().int(),
  outlets: z.array(OutletLoadSchema),
  /** Live counts beside the queue: orders not yet taken up (新建/已受理) and orders an outlet sent back. */
  waiting: z.object({ newOrders: z.number().int(), returned: z.number().int() }),
});
export type BoardResponse = z.infer<typeof BoardResponseSchema>;

export const PoolResponseSchema = z.object({ items: z.array(DispatchOrderSchema) });

export const DispatchResultSchema = z.object({ offer: OfferSchema, orderVersion: z.number().int() });
export type DispatchResult = z.infer<typeof DispatchResultSchema>;

export const OfferParamsSchema = z.object({ offerId: IdSchema });
export const DispatchOrderParamsSchema = z.object({ orderId: IdSchema });
